//! The number protocol (`abstract.h`, "Number Protocol").

use crate::capi;
use rustpython_vm::{AsObject, PyObjectRef, VirtualMachine};

/// Declares `PyNumber_<Name>(a, b)` for each VM binary operation.
macro_rules! binary_ops {
    ($($name:ident => $op:ident),* $(,)?) => {
        capi! {
            $(
                fn $name(vm, a: PyObjectRef, b: PyObjectRef) -> PyObjectRef {
                    vm.$op(&a, &b)
                }
            )*
        }
    };
}

binary_ops! {
    PyNumber_Add => _add,
    PyNumber_Subtract => _sub,
    PyNumber_Multiply => _mul,
    PyNumber_MatrixMultiply => _matmul,
    PyNumber_TrueDivide => _truediv,
    PyNumber_FloorDivide => _floordiv,
    PyNumber_Remainder => _mod,
    PyNumber_Divmod => _divmod,
    PyNumber_Lshift => _lshift,
    PyNumber_Rshift => _rshift,
    PyNumber_And => _and,
    PyNumber_Or => _or,
    PyNumber_Xor => _xor,
    PyNumber_InPlaceAdd => _iadd,
    PyNumber_InPlaceSubtract => _isub,
    PyNumber_InPlaceMultiply => _imul,
    PyNumber_InPlaceMatrixMultiply => _imatmul,
    PyNumber_InPlaceTrueDivide => _itruediv,
    PyNumber_InPlaceFloorDivide => _ifloordiv,
    PyNumber_InPlaceRemainder => _imod,
    PyNumber_InPlaceLshift => _ilshift,
    PyNumber_InPlaceRshift => _irshift,
    PyNumber_InPlaceAnd => _iand,
    PyNumber_InPlaceOr => _ior,
    PyNumber_InPlaceXor => _ixor,
}

fn none_or(c: Option<PyObjectRef>, vm: &VirtualMachine) -> PyObjectRef {
    c.unwrap_or_else(|| vm.ctx.none())
}

capi! {
    fn PyNumber_Power(vm, a: PyObjectRef, b: PyObjectRef, c: Option<PyObjectRef>) -> PyObjectRef {
        vm._pow(&a, &b, &none_or(c, vm))
    }

    fn PyNumber_InPlacePower(vm, a: PyObjectRef, b: PyObjectRef, c: Option<PyObjectRef>) -> PyObjectRef {
        vm._ipow(&a, &b, &none_or(c, vm))
    }

    fn PyNumber_Negative(vm, a: PyObjectRef) -> PyObjectRef {
        vm._neg(&a)
    }

    fn PyNumber_Positive(vm, a: PyObjectRef) -> PyObjectRef {
        vm._pos(&a)
    }

    fn PyNumber_Absolute(vm, a: PyObjectRef) -> PyObjectRef {
        vm._abs(&a)
    }

    fn PyNumber_Invert(vm, a: PyObjectRef) -> PyObjectRef {
        vm._invert(&a)
    }

    fn PyNumber_Check(vm, o: PyObjectRef) -> i32 {
        let slots = &o.class().slots.as_number;
        let numeric = slots.int.load().is_some() || slots.index.load().is_some() || slots.float.load().is_some();
        Ok(numeric as i32)
    }

    fn PyIndex_Check(vm, o: PyObjectRef) -> i32 {
        Ok(o.class().slots.as_number.index.load().is_some() as i32)
    }

    fn PyNumber_Index(vm, o: PyObjectRef) -> PyObjectRef {
        Ok(o.try_index(vm)?.into())
    }

    fn PyNumber_Long(vm, o: PyObjectRef) -> PyObjectRef {
        vm.ctx.types.int_type.as_object().call((o,), vm)
    }

    fn PyNumber_Float(vm, o: PyObjectRef) -> PyObjectRef {
        vm.ctx.types.float_type.as_object().call((o,), vm)
    }

    fn PyNumber_AsSsize_t(vm, o: PyObjectRef, exc: Option<PyObjectRef>) -> isize {
        use num_traits::{Signed, ToPrimitive};
        let i = o.try_index(vm)?;
        let v = i.as_bigint();
        match v.to_isize() {
            Some(v) => Ok(v),
            None => match exc {
                None => Ok(if v.is_negative() { isize::MIN } else { isize::MAX }),
                Some(exc) => {
                    let msg = format!("cannot fit '{}' into an index-sized integer", o.class().name());
                    Err(crate::pyerrors::make_exception(exc, Some(vm.ctx.new_str(msg).into()), vm)?)
                }
            },
        }
    }
}

capi! {
    /// `n.__index__()` as `bin`/`oct`/`hex` write it (base 10: as `str`).
    fn PyNumber_ToBase(vm, n: PyObjectRef, base: i32) -> PyObjectRef {
        use num_traits::Signed;
        let prefix = match base {
            2 => "0b",
            8 => "0o",
            10 => "",
            16 => "0x",
            _ => return Err(vm.new_system_error("PyNumber_ToBase: base must be 2, 8, 10 or 16")),
        };
        let i = n.try_index(vm)?;
        let v = i.as_bigint();
        let sign = if v.is_negative() { "-" } else { "" };
        Ok(vm.ctx.new_str(format!("{sign}{prefix}{}", v.abs().to_str_radix(base as u32))).into())
    }
}
