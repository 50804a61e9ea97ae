"""Templates render in a sandbox: a commit's template shows the data it is given and
runs nothing else.

A plain Jinja environment lets `{{ cycler.__init__.__globals__.os.system(...) }}` run a
shell command on the CI runner and in the editor's preview. Jinja's immutable sandbox
refuses underscore and interpreter-internal attributes, calls marked unsafe, and methods
that change lists, dicts and sets. On top of it:

- attributes are read only from plain values (str, numbers, lists, dicts, Markup, dates)
  and Jinja's own helpers (`loop`, `namespace`, macros, imported templates): the pages
  pass nothing else, so an object of soteneg's reaching a template is refused instead of
  exposing its methods;
- each verdict is kept per (type, attribute), so the sandbox's checks cost a dictionary
  lookup after the first page (the plain sandbox made an attribute-heavy template half as
  slow again);
- `*`, `**` and `%` refuse results beyond a size a page could hold, so `{{ 9 ** 999999999 }}`
  or `{{ 'x' * 10 ** 12 }}` is a problem, not a build that never ends;
- `unsafe_attributes` finds the same refusals in a template's syntax tree, so `check`
  (and with it the pre-commit hook) reports them without rendering anything.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, MutableMapping
from types import CodeType, MethodType
from typing import Any, TypeVar

from jinja2 import Template, nodes
from jinja2.runtime import Context
from jinja2.sandbox import (
    UNSAFE_ASYNC_GENERATOR_ATTRIBUTES,
    UNSAFE_COROUTINE_ATTRIBUTES,
    UNSAFE_FUNCTION_ATTRIBUTES,
    UNSAFE_GENERATOR_ATTRIBUTES,
    UNSAFE_METHOD_ATTRIBUTES,
    ImmutableSandboxedEnvironment,
    SecurityError,
)
from markupsafe import Markup, escape

try:
    # What markupsafe's escape() does to a str before wrapping it in Markup (3.0 and on).
    from markupsafe import _escape_inner as _escape_text
except ImportError:  # pragma: no cover - markupsafe 2

    def _escape_text(text: str, /) -> str:
        return str(escape(text))


# Attribute names no template needs and every escape from a sandbox uses.
INTERNAL_NAMES = frozenset(
    {"mro"}
    | UNSAFE_FUNCTION_ATTRIBUTES
    | UNSAFE_METHOD_ATTRIBUTES
    | UNSAFE_GENERATOR_ATTRIBUTES
    | UNSAFE_COROUTINE_ATTRIBUTES
    | UNSAFE_ASYNC_GENERATOR_ATTRIBUTES
)

# Modules whose types a template may read attributes of: plain values and Jinja's own
# runtime helpers. soteneg's objects are not among them: pages pass plain data.
READABLE_MODULES = frozenset(
    {"builtins", "markupsafe", "datetime", "jinja2.runtime", "jinja2.utils", "jinja2.environment"}
)

# What a plain dict has as attributes, all from its class (an instance has none of its
# own): any other name read from a dict is one of its keys or undefined.
DICT_ATTRIBUTES = frozenset(dir(dict))

# The largest string, list or number a template may make with one operator: far more than
# any page holds, far less than what stalls a build.
MAX_ITEMS = 1_000_000
MAX_INT_BITS = 4096


def is_unsafe_name(name: str) -> bool:
    return name.startswith("_") or name in INTERNAL_NAMES


F = TypeVar("F", bound=Callable[..., Any])

# soteneg's own functions that pages pass to templates as methods (a page's `t`): they
# take plain values and nothing of Jinja's, so the sandbox calls them at once.
_PLAIN_CALLS: set[Callable[..., Any]] = set()


def plain_call(function: F) -> F:
    """Mark a method pages pass to templates as one the sandbox calls without asking
    Jinja's questions of it each time: is it marked unsafe, does it want the context
    (`t` is called 225,000 times at 5000 documents, and the questions cost more than the
    call). The answers are known, so they are checked here, once."""
    for name in ("unsafe_callable", "alters_data", "jinja_pass_arg"):
        if hasattr(function, name):
            raise TypeError(f"{function.__qualname__} has {name}: not a plain call")
    _PLAIN_CALLS.add(function)
    return function


def escape_output(value: Any) -> str:
    """What a template's `{{ value }}` writes, as markupsafe's escape() writes it, without
    making a Markup of it: the compiled template only joins what it writes into the
    page, so the wrapper (a Python-level constructor, 2.3 million times at 5000
    documents) is never looked at. Values already Markup are written as they are."""
    kind = type(value)
    if kind is str:
        return _escape_text(value)
    if kind is Markup:
        return value
    return escape(value)


class SiteTemplate(Template):
    """A compiled template whose output escaping is `escape_output`: the generated code
    calls the name `escape` for each value it writes and for nothing else."""

    @classmethod
    def from_code(
        cls,
        environment: Any,
        code: CodeType,
        globals: MutableMapping[str, Any],
        uptodate: Callable[[], bool] | None = None,
    ) -> Template:
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func.__globals__["escape"] = escape_output
        return template


class SiteSandbox(ImmutableSandboxedEnvironment):
    """The environment every template (site and print) renders in."""

    intercepted_binops = frozenset({"*", "**", "%"})
    template_class = SiteTemplate

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._verdicts: dict[tuple[type, str], bool] = {}
        self._loaded: dict[str, Template] = {}
        self.binop_table = {**self.binop_table, "*": _times, "**": _power, "%": _modulo}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # The base rules depend on the object's type and the name only (not the value),
        # so the verdict can be kept for the next page that asks.
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = (
                type(obj).__module__ in READABLE_MODULES
                and not is_unsafe_name(attr)
                and super().is_safe_attribute(obj, attr, value)
            )
            self._verdicts[key] = verdict
        return verdict

    def get_template(
        self,
        name: str | Template,
        parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,
    ) -> Template:
        # An include in a loop asks for its template once an item: 136,000 times at 5000
        # documents, each through Jinja's LRU cache (a lock and a list to reorder). The
        # templates a build renders are few: kept here by name, and used while their
        # text is still the loader's (the preview changes it between builds).
        if isinstance(name, str) and not globals:
            key = name if parent is None else self.join_path(name, parent)
            found = self._loaded.get(key)
            if found is not None and found.is_up_to_date:
                return found
            template = super().get_template(key, None, globals)
            self._loaded[key] = template
            return template
        return super().get_template(name, parent, globals)

    def getattr(self, obj: Any, attribute: str) -> Any:
        # Pages pass dicts, and `item.href` reaches a key only after getattr() has raised
        # AttributeError: three million exceptions at 5000 documents, a tenth of the
        # rendering's time. The key is looked up directly when the dict has no attribute
        # of that name, which is what Jinja would then do; the rest goes Jinja's way.
        if type(obj) is dict and attribute not in DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        # What Jinja's sandbox does for a method marked plain_call: it is safe to call
        # and takes no context, so Context.call drops the loop's and block's variables
        # and calls it, a StopIteration made an undefined value.
        if type(__obj) is MethodType and __obj.__func__ in _PLAIN_CALLS:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __context.environment.undefined(
                    "value was undefined because a callable raised a StopIteration exception"
                )
        return super().call(__context, __obj, *args, **kwargs)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        # Jinja hands back an undefined value that fails only when used; a template that
        # goes on reading from it (`|attr('__init__')|attr('__globals__')`) then fails
        # as an undefined name, which hides that the sandbox was what stopped it.
        raise SecurityError(f"access to attribute {attribute!r} of a {type(obj).__name__}")

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        return self.binop_table[operator](left, right)


def _sized(result: Any) -> Any:
    if _is_sequence(result) and len(result) > MAX_ITEMS:
        raise SecurityError(f"the result would have {len(result):,} items")
    return result


def _times(left: Any, right: Any) -> Any:
    for seq, count in ((left, right), (right, left)):
        if _is_sequence(seq) and isinstance(count, int) and len(seq) * count > MAX_ITEMS:
            raise SecurityError(f"the result would have {len(seq) * count:,} items")
    if _are_ints(left, right) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        raise SecurityError("the number would be too large")
    return operator.mul(left, right)


def _power(left: Any, right: Any) -> Any:
    big = _are_ints(left, right) and abs(left) > 1 and right > 0
    if big and (right > MAX_INT_BITS or left.bit_length() * right > MAX_INT_BITS):
        raise SecurityError("the number would be too large")
    return operator.pow(left, right)


def _is_sequence(value: Any) -> bool:
    return isinstance(value, (str, bytes, list, tuple))


def _are_ints(left: Any, right: Any) -> bool:
    return isinstance(left, int) and isinstance(right, int)


def _modulo(left: Any, right: Any) -> Any:
    # '%' on a string formats it; a width such as '%999999999d' is a size like any other.
    if isinstance(left, str):
        return _sized(operator.mod(left, right)) if _widths_fit(left) else _too_wide()
    return operator.mod(left, right)


def _widths_fit(pattern: str) -> bool:
    digits = ""
    for char in pattern:
        if char.isdigit():
            digits += char
            if len(digits) > 6:  # a width or precision of a million or more
                return False
        else:
            digits = ""
    return True


def _too_wide() -> Any:
    raise SecurityError("a format width would make the result too large")


def unsafe_attributes(tree: nodes.Template) -> Iterator[tuple[int, str]]:
    """(line, name) of each attribute a template's syntax tree reads that the sandbox
    would refuse: `x.__class__`, `x['__globals__']`, `x|attr('mro')`. Names computed at
    render time are left to the sandbox."""
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        name: object = None
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            name = node.arg.value
        elif isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
            first = node.args[0]
            name = first.value if isinstance(first, nodes.Const) else None
        if isinstance(name, str) and is_unsafe_name(name):
            yield node.lineno, name
