//! The abstract object layer (`abstract.h`): protocols that work on any object.

pub mod call;
pub mod number;
pub mod object;
pub mod sequence;
