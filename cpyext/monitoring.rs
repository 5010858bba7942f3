//! PEP 669 events fired by C (`monitoring.h`), over RustPython's own
//! `sys.monitoring`: an event reaches the callbacks that the tools whose
//! global events include it registered with
//! `sys.monitoring.register_callback`, with CPython's arguments, in
//! CPython's order (highest tool first), and a callback returning
//! `sys.monitoring.DISABLE` turns the tool off for that scope (or, for an
//! event that cannot be disabled, is removed with CPython's ValueError).
//!
//! RustPython does not expose its callback table, so a callback is read by
//! registering None and then registering it back (each is an audited
//! `sys.monitoring.register_callback`), and its events are not suppressed
//! while a callback runs (CPython's are).

use crate::{capi, pyerrors};
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};

/// `PyMonitoringState`: the tools (a bit each) that want the event.
#[repr(C)]
pub struct PyMonitoringState {
    active: u8,
    opaque: u8,
}

const SOURCE: &str = "\
import sys as _sys
_mon = _sys.monitoring
_LOCAL_EVENTS = 11
_NAMES = ('PY_START', 'PY_RESUME', 'PY_RETURN', 'PY_YIELD', 'CALL', 'LINE',
          'INSTRUCTION', 'JUMP', 'BRANCH_LEFT', 'BRANCH_RIGHT',
          'STOP_ITERATION', 'RAISE', 'EXCEPTION_HANDLED', 'PY_UNWIND',
          'PY_THROW', 'RERAISE', 'C_RETURN', 'C_RAISE', 'BRANCH')

def active(event):
    mask = 1 << event
    if event in (16, 17):
        # C_RETURN and C_RAISE come with CALL.
        mask |= 1 << 4
    if event == 18:
        mask |= (1 << 8) | (1 << 9)
    return sum(1 << tool for tool in range(6) if _mon.get_events(tool) & mask)

def _callback(tool, event):
    cb = _mon.register_callback(tool, 1 << event, None)
    if cb is not None:
        _mon.register_callback(tool, 1 << event, cb)
    return cb

def fire(active, event, args):
    for tool in reversed(range(6)):
        if not active & (1 << tool):
            continue
        cb = _callback(tool, event)
        if cb is None:
            continue
        if cb(*args) is _mon.DISABLE:
            if event >= _LOCAL_EVENTS:
                _mon.register_callback(tool, 1 << event, None)
                raise ValueError(f'Cannot disable {_NAMES[event]} events. Callback removed.')
            active &= ~(1 << tool)
    return active
";

fn helpers(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let sys_modules = vm.sys_module.get_attr("modules", vm)?;
    if let Ok(cached) = sys_modules.get_item("_cpyext_monitoring", vm) {
        return Ok(cached);
    }
    let dict = vm.ctx.new_dict();
    let module = vm.new_module("_cpyext_monitoring", dict.clone(), None);
    let scope = rustpython_vm::scope::Scope::with_builtins(None, dict, vm);
    vm.run_string(scope, SOURCE, "<cpyext monitoring>")?;
    sys_modules.set_item("_cpyext_monitoring", module.clone().into(), vm)?;
    Ok(module.into())
}

const LINE: i32 = 5;
const STOP_ITERATION: i32 = 10;

/// Calls the callbacks of the tools active in `state` for `event` with
/// (codelike, offset, *extra) (LINE: (codelike, *extra)).
unsafe fn fire(vm: &VirtualMachine, state: *mut PyMonitoringState, codelike: PyObjectRef, offset: i32, event: i32, extra: Vec<PyObjectRef>) -> PyResult<()> {
    if state.is_null() {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    if offset < 0 {
        return Err(vm.new_value_error("offset must be non-negative"));
    }
    let mut args = vec![codelike];
    if event != LINE {
        args.push(vm.ctx.new_int(offset).into());
    }
    args.extend(extra);
    let active = unsafe { (*state).active };
    let left: u8 = vm.call_method(&*helpers(vm)?, "fire", (active, event, vm.ctx.new_tuple(args)))?.try_into_value(vm)?;
    unsafe { (*state).active = left };
    Ok(())
}

/// An exception event: the callbacks get the raised exception, which is
/// raised again after them unless one fails.
unsafe fn fire_exception(vm: &VirtualMachine, state: *mut PyMonitoringState, codelike: PyObjectRef, offset: i32, event: i32) -> PyResult<i32> {
    let Some(exc) = pyerrors::take() else {
        return Err(vm.new_value_error(format!("Firing event {event} with no exception set")));
    };
    unsafe { fire(vm, state, codelike, offset, event, vec![exc.clone().into()]) }?;
    pyerrors::set(exc);
    Ok(0)
}

macro_rules! fire_events {
    ($($name:ident = $event:expr $(, $arg:ident)*;)*) => {
        capi! {$(
            unsafe fn $name(vm, state: *mut PyMonitoringState, codelike: PyObjectRef, offset: i32 $(, $arg: PyObjectRef)*) -> i32 {
                fire(vm, state, codelike, offset, $event, vec![$($arg),*]).map(|()| 0)
            }
        )*}
    };
}

fire_events! {
    _PyMonitoring_FirePyStartEvent = 0;
    _PyMonitoring_FirePyResumeEvent = 1;
    _PyMonitoring_FirePyReturnEvent = 2, retval;
    _PyMonitoring_FirePyYieldEvent = 3, retval;
    _PyMonitoring_FireCallEvent = 4, callable, arg0;
    _PyMonitoring_FireJumpEvent = 7, target_offset;
    _PyMonitoring_FireBranchLeftEvent = 8, target_offset;
    _PyMonitoring_FireBranchRightEvent = 9, target_offset;
    // The BRANCH entry point of 3.13 fires BRANCH_RIGHT, as CPython 3.14's.
    _PyMonitoring_FireBranchEvent = 9, target_offset;
    _PyMonitoring_FireCReturnEvent = 16, retval;
}

macro_rules! fire_exception_events {
    ($($name:ident = $event:expr;)*) => {
        capi! {$(
            unsafe fn $name(vm, state: *mut PyMonitoringState, codelike: PyObjectRef, offset: i32) -> i32 {
                fire_exception(vm, state, codelike, offset, $event)
            }
        )*}
    };
}

fire_exception_events! {
    _PyMonitoring_FireRaiseEvent = 11;
    _PyMonitoring_FireExceptionHandledEvent = 12;
    _PyMonitoring_FirePyUnwindEvent = 13;
    _PyMonitoring_FirePyThrowEvent = 14;
    _PyMonitoring_FireReraiseEvent = 15;
    _PyMonitoring_FireCRaiseEvent = 17;
}

capi! {
    /// Fills each state with the tools that want its event now. The
    /// version is a count of fillings: RustPython does not say when the
    /// tools' events change, so every call fills the states again.
    unsafe fn PyMonitoring_EnterScope(vm, state_array: *mut PyMonitoringState, version: *mut u64, event_types: *const u8, length: isize) -> i32 {
        let n = usize::try_from(length).map_err(|_| crate::boundary::bad_internal_call(vm))?;
        if n > 0 && (state_array.is_null() || event_types.is_null()) {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let helpers = helpers(vm)?;
        for i in 0..n {
            let event = *event_types.add(i);
            let active: u8 = vm.call_method(&helpers, "active", (event,))?.try_into_value(vm)?;
            (*state_array.add(i)).active = active;
        }
        if !version.is_null() {
            *version = (*version).wrapping_add(1).max(1);
        }
        Ok(0)
    }

    fn PyMonitoring_ExitScope(vm) -> i32 {
        Ok(0)
    }

    fn _PyMonitoring_FireLineEvent(vm, state: *mut PyMonitoringState, codelike: PyObjectRef, offset: i32, lineno: i32) -> i32 {
        unsafe { fire(vm, state, codelike, offset, LINE, vec![vm.ctx.new_int(lineno).into()]) }.map(|()| 0)
    }

    /// The callbacks get StopIteration(value); nothing stays raised.
    fn _PyMonitoring_FireStopIterationEvent(vm, state: *mut PyMonitoringState, codelike: PyObjectRef, offset: i32, value: PyObjectRef) -> i32 {
        let exc = vm.new_stop_iteration(Some(value));
        unsafe { fire(vm, state, codelike, offset, STOP_ITERATION, vec![exc.into()]) }.map(|()| 0)
    }
}
