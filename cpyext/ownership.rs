//! The ownership kinds of `cpyext/capi.decl`'s rows. One definition for
//! both sides of the check: `build.rs` includes this file to write
//! `crate::decls`, and the boundary types say which kind they stand for.

/// What a C-API function does with an argument's reference or gives with
/// its result: the ownership column of `cpyext/capi.decl`, and what each
/// boundary type stands for, so that the two can be checked against each
/// other at compile time (`boundary::check_decl`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Own {
    /// Not an object reference (an integer, a C string, a raw pointer the
    /// body interprets itself).
    Plain,
    /// An object argument the call only borrows.
    Borrowed,
    /// An object argument whose reference the call takes over, on every path.
    Stolen,
    /// An object argument whose reference the call takes over only when it
    /// succeeds (`PyModule_AddObject`).
    StolenOnSuccess,
    /// A result that is a new reference.
    New,
    /// A result borrowed from something that keeps it alive.
    BorrowedResult,
}
