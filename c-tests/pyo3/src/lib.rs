//! pyo3ext: a small non-abi3 PyO3 extension exercising the common PyO3
//! conversions and class machinery, for checking a CPython C-API layer.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};
use std::collections::HashMap;

create_exception!(pyo3ext, CounterError, PyException, "Raised by pyo3ext on bad counter use.");

#[pyclass(module = "pyo3ext")]
struct Counter {
    #[pyo3(get, set)]
    count: i64,
    name: String,
}

#[pymethods]
impl Counter {
    #[new]
    #[pyo3(signature = (name, count = 0))]
    fn new(name: String, count: i64) -> Self {
        Counter { count, name }
    }

    #[pyo3(signature = (by = 1))]
    fn incr(&mut self, by: i64) -> PyResult<i64> {
        if by < 0 {
            return Err(CounterError::new_err(format!("negative step {by}")));
        }
        self.count += by;
        Ok(self.count)
    }

    #[getter]
    fn name(&self) -> &str {
        &self.name
    }

    fn __repr__(&self) -> String {
        format!("Counter({:?}, {})", self.name, self.count)
    }

    fn __len__(&self) -> usize {
        self.count.max(0) as usize
    }
}

/// A base class meant to be subclassed in Python.
#[pyclass(subclass, module = "pyo3ext")]
struct Base {
    #[pyo3(get)]
    value: i64,
}

#[pymethods]
impl Base {
    #[new]
    #[pyo3(signature = (value = 0))]
    fn new(value: i64) -> Self {
        Base { value }
    }

    /// Calls self.hook(value) -- overridable from Python.
    fn run(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        let v = slf.borrow().value;
        Ok(slf.call_method1("hook", (v,))?.unbind())
    }

    fn hook(&self, v: i64) -> i64 {
        v * 10
    }

    fn kind(&self) -> &'static str {
        "base"
    }
}

#[pyfunction]
fn raise_custom(msg: &str) -> PyResult<()> {
    Err(CounterError::new_err(msg.to_string()))
}

#[pyfunction]
fn checked_sqrt(x: f64) -> PyResult<f64> {
    if x < 0.0 {
        Err(PyValueError::new_err(format!("negative value: {x}")))
    } else {
        Ok(x.sqrt())
    }
}

#[pyfunction]
fn double(v: Vec<i64>) -> Vec<i64> {
    v.into_iter().map(|x| x * 2).collect()
}

#[pyfunction]
fn invert(m: HashMap<String, i64>) -> HashMap<i64, String> {
    m.into_iter().map(|(k, v)| (v, k)).collect()
}

#[pyfunction]
#[pyo3(signature = (x = None))]
fn maybe_add_one(x: Option<i64>) -> Option<i64> {
    x.map(|v| v + 1)
}

/// Iterates a list in Rust: non-abi3 PyO3 reads items with the inline
/// `PyList_GET_ITEM` (`ob_item[i]`).
#[pyfunction]
fn sum_list(l: &Bound<'_, PyList>) -> PyResult<i64> {
    let mut total = 0;
    for item in l.iter() {
        total += item.extract::<i64>()?;
    }
    Ok(total)
}

/// `len()` of a list (inline `PyList_GET_SIZE`, i.e. `ob_size`) before and
/// after calling `f(l)`, which may change the list from Python.
#[pyfunction]
fn list_len_around(l: &Bound<'_, PyList>, f: &Bound<'_, PyAny>) -> PyResult<(usize, usize)> {
    let before = l.len();
    f.call1((l,))?;
    Ok((before, l.len()))
}

/// `len()` of a dict: non-abi3 PyO3 reads `PyDictObject.ma_used` inline.
#[pyfunction]
fn dict_len(d: &Bound<'_, PyDict>) -> usize {
    d.len()
}

#[pyfunction]
fn swap(t: (i64, String)) -> (String, i64) {
    (t.1, t.0)
}

#[pyfunction]
fn greet(name: &str) -> String {
    format!("hello, {name}!")
}

#[pyfunction]
fn upper(s: String) -> String {
    s.to_uppercase()
}

#[pyfunction]
fn reverse_bytes<'py>(py: Python<'py>, b: &[u8]) -> Bound<'py, PyBytes> {
    let mut v = b.to_vec();
    v.reverse();
    PyBytes::new(py, &v)
}

#[pyfunction]
fn bytes_len(b: Vec<u8>) -> usize {
    b.len()
}

#[pyfunction]
fn apply(f: &Bound<'_, PyAny>, x: i64) -> PyResult<Py<PyAny>> {
    Ok(f.call1((x,))?.unbind())
}

#[pyfunction]
#[pyo3(signature = (f, *args, **kwargs))]
fn call_with(
    f: &Bound<'_, PyAny>,
    args: &Bound<'_, PyTuple>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Py<PyAny>> {
    Ok(f.call(args, kwargs)?.unbind())
}

#[pyfunction]
#[pyo3(signature = (a, b = 2, *, scale = 1.0, label = None))]
fn combine(a: i64, b: i64, scale: f64, label: Option<String>) -> String {
    let v = (a + b) as f64 * scale;
    match label {
        Some(l) => format!("{l}={v}"),
        None => format!("{v}"),
    }
}

#[pymodule]
fn pyo3ext(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Counter>()?;
    m.add_class::<Base>()?;
    m.add("CounterError", m.py().get_type::<CounterError>())?;
    m.add_function(wrap_pyfunction!(raise_custom, m)?)?;
    m.add_function(wrap_pyfunction!(checked_sqrt, m)?)?;
    m.add_function(wrap_pyfunction!(double, m)?)?;
    m.add_function(wrap_pyfunction!(invert, m)?)?;
    m.add_function(wrap_pyfunction!(maybe_add_one, m)?)?;
    m.add_function(wrap_pyfunction!(sum_list, m)?)?;
    m.add_function(wrap_pyfunction!(list_len_around, m)?)?;
    m.add_function(wrap_pyfunction!(dict_len, m)?)?;
    m.add_function(wrap_pyfunction!(swap, m)?)?;
    m.add_function(wrap_pyfunction!(greet, m)?)?;
    m.add_function(wrap_pyfunction!(upper, m)?)?;
    m.add_function(wrap_pyfunction!(reverse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(bytes_len, m)?)?;
    m.add_function(wrap_pyfunction!(apply, m)?)?;
    m.add_function(wrap_pyfunction!(call_with, m)?)?;
    m.add_function(wrap_pyfunction!(combine, m)?)?;
    m.add("VERSION", "0.1")?;
    Ok(())
}
