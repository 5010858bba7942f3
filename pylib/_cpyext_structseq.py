"""Struct sequence types C makes (PyStructSequence_NewType/InitType2).

RustPython's own struct sequences (os.stat_result, ...) are Rust types; a C
extension describes its own at run time, so its type is built here, with
CPython's Python-level behaviour: an instance is a tuple holding every
field, of which the first n_sequence_fields are its items (len, iteration,
indexing, comparison and hashing see only those: cpyext/structseq.rs gives
the type the sequence slots of RustPython's struct sequences), and every
named field is a read-only member (also set there). What CPython's
structseq.c does at the Python level is here: the constructor with its
messages, repr, __reduce__ and __replace__.
"""

_tuple_new = tuple.__new__


def new_type(tp_name, doc, fields, n_in_sequence):
    """The class of tp_name ("module.name"); fields lists every field's
    name, None for an unnamed one."""
    module, _, name = tp_name.rpartition(".")
    n_fields = len(fields)
    # CPython's tp_members: the named fields, in order; repr, the
    # constructor's dict and __reduce__ index them as CPython does.
    members = [f for f in fields if f is not None]
    n_unnamed = n_fields - len(members)

    def __new__(cls, sequence, dict=None):
        try:
            items = list(sequence)
        except TypeError:
            raise TypeError("constructor requires a sequence") from None
        if dict is not None and not isinstance(dict, type({})):
            raise TypeError("%s() takes a dict as second arg, if any" % tp_name)
        n = len(items)
        if n < n_in_sequence:
            if n_in_sequence == n_fields:
                raise TypeError("%s() takes a %d-sequence (%d-sequence given)" % (tp_name, n_in_sequence, n))
            raise TypeError("%s() takes an at least %d-sequence (%d-sequence given)" % (tp_name, n_in_sequence, n))
        if n > n_fields:
            if n_in_sequence == n_fields:
                raise TypeError("%s() takes a %d-sequence (%d-sequence given)" % (tp_name, n_in_sequence, n))
            raise TypeError("%s() takes an at most %d-sequence (%d-sequence given)" % (tp_name, n_fields, n))
        if dict:
            found = 0
            for i in range(n, n_fields):
                key = members[i - n_unnamed]
                if key in dict:
                    items.append(dict[key])
                    found += 1
                else:
                    items.append(None)
            if len(dict) > found:
                raise TypeError("%s() got duplicate or unexpected field name(s)" % tp_name)
        else:
            items.extend([None] * (n_fields - n))
        return _tuple_new(cls, items)

    def __repr__(self):
        parts = []
        for i in range(n_in_sequence):
            if i >= len(members):
                raise SystemError("In structseq_repr(), member %d name is NULL for type %s" % (i, tp_name))
            parts.append("%s=%r" % (members[i], tuple.__getitem__(self, i)))
        return "%s(%s)" % (tp_name, ", ".join(parts))

    def __reduce__(self):
        visible = tuple(tuple.__getitem__(self, i) for i in range(n_in_sequence))
        hidden = {members[i - n_unnamed]: tuple.__getitem__(self, i) for i in range(n_in_sequence, n_fields)}
        return (type(self), (visible, hidden))

    def __replace__(self, /, **changes):
        if n_unnamed > 0:
            raise TypeError("__replace__() is not supported for %s because it has unnamed field(s)" % tp_name)
        items = [changes.pop(members[i], tuple.__getitem__(self, i)) for i in range(n_fields)]
        if changes:
            raise TypeError("Got unexpected field name(s): %r" % list(changes))
        return _tuple_new(type(self), items)

    namespace = {
        "__slots__": (),
        "__new__": __new__,
        "__repr__": __repr__,
        "__reduce__": __reduce__,
        "__replace__": __replace__,
        "__doc__": doc,
        "__match_args__": tuple(f for f in fields[:n_in_sequence] if f is not None),
        "n_sequence_fields": n_in_sequence,
        "n_fields": n_fields,
        "n_unnamed_fields": n_unnamed,
    }
    if module:
        namespace["__module__"] = module
    # Without a module in the name, CPython's type has no __module__;
    # cpyext/structseq.rs removes the one type() sets.
    return type(name, (tuple,), namespace)
