"""The import graph of newsclean: no cycles, and no function-local import of a newsclean module
(a local import is how a cycle hides) except the lazy loads listed, each with its reason.

Importing ``a.b.c`` runs the ``__init__`` of ``a`` and ``a.b`` first, so an import of a module
in another package also counts as an import of that package's ``__init__``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "newsclean"

# Function-local imports of newsclean modules that are lazy loads, not cycle dodges:
# (importing module, imported module) -> why. Start-up costs measured with
# `python -X importtime -c "import newsclean.<importer>"` on this machine.
LAZY_LOADS: dict[tuple[str, str], str] = {
    # pyarrow (~60 ms to import, an optional extra): only Parquet output and Spark need it.
    ("newsclean.output", "newsclean.arrow"): "pyarrow is an optional extra; JSONL output must work without it",
    ("newsclean.spark", "newsclean.arrow"): "runs on Spark executors; pyarrow is loaded there only",
    # The extraction spine (lxml, html, strip, phrase tables: ~350 ms of `import newsclean.pipeline`
    # against ~60 ms for `newsclean.inputs`) loads when the first input is cleaned, not when the
    # CLI parses its arguments or a Spark driver builds its plan.
    ("newsclean.inputs", "newsclean.pipeline"): "start-up: `newsclean --help`, Spark drivers, output",
    ("newsclean.batch", "newsclean.pipeline"): "preload() is the point where the spine is loaded on purpose",
    # The explain report pulls in the strip package and `regex` (~30 ms CPU; 25 newsclean modules
    # against 10 for `import newsclean.cli`): only `newsclean explain` needs it, not `--help`.
    ("newsclean.cli", "newsclean.explain"): "start-up: the CLI loads the report only for `newsclean explain`",
    # The entity layer (gazetteer tables, ~90 ms; Kiwi itself loads on first use) is not loaded by
    # clean(..., entities=False) or --no-entities runs.
    ("newsclean.pipeline", "newsclean.entities"): "entities=False never pays for the entity layer",
    ("newsclean.batch", "newsclean.entities"): "preload(entities=True) only",
}


def _modules() -> dict[str, tuple[Path, bool]]:
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        if is_pkg:
            parts = parts[:-1]
        out[".".join(parts)] = (path, is_pkg)
    return out


MODULES = _modules()


def _targets(module: str, is_pkg: bool, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The newsclean modules an import statement loads (a submodule named in ``from x import y`` too)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == "newsclean"]
    if node.level:
        base = module.split(".") if is_pkg else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
        if target.split(".")[0] != "newsclean":
            return []
    out = []
    for alias in node.names:
        sub = f"{target}.{alias.name}"
        out.append(sub if sub in MODULES else target)
    return out


def _with_packages(importer: str, target: str) -> set[str]:
    """``target`` and the packages whose ``__init__`` importing it runs (those not already the importer's)."""
    parts = target.split(".")
    mine = importer.split(".")
    out = {target}
    for i in range(1, len(parts)):
        pkg = ".".join(parts[:i])
        if pkg != "newsclean" and parts[:i] != mine[:i]:
            out.add(pkg)
    return out


def _scan() -> tuple[dict[str, set[str]], list[tuple[str, str, str, int]]]:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    local: list[tuple[str, str, str, int]] = []  # (module, function, target, line)
    for module, (path, is_pkg) in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_function: set[int] = set()
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                for node in ast.walk(fn):
                    if isinstance(node, ast.Import | ast.ImportFrom):
                        in_function.add(id(node))
                        local.extend((module, getattr(fn, "name", "<lambda>"), t, node.lineno)
                                     for t in _targets(module, is_pkg, node))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in in_function:
                if _type_checking_only(tree, node):
                    continue
                for target in _targets(module, is_pkg, node):
                    graph[module] |= {t for t in _with_packages(module, target) if t != module}
    return graph, local


def _type_checking_only(tree: ast.Module, node: ast.stmt) -> bool:
    """Whether ``node`` sits under ``if TYPE_CHECKING:`` (never executed)."""
    for top in tree.body:
        guarded = isinstance(top, ast.If) and isinstance(top.test, ast.Name) and top.test.id == "TYPE_CHECKING"
        if guarded and any(n is node for n in ast.walk(top)):
            return True
    return False


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None


GRAPH, LOCAL = _scan()


def test_the_scan_sees_the_pipeline() -> None:
    """The graph is real: the spine's known edges are in it (a broken resolver would pass anything)."""
    assert {"newsclean.html", "newsclean.textdump", "newsclean.extracted"} <= GRAPH["newsclean.pipeline"]
    assert "newsclean.html.sites" in GRAPH["newsclean.html"]
    assert "newsclean.strip.base" in GRAPH["newsclean.strip.tail"]
    assert len(GRAPH) >= 50


def test_no_import_cycles() -> None:
    cycle = _find_cycle(GRAPH)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_cycle_finder_finds_a_cycle() -> None:
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b"}, "b": set()}) is None


def test_package_inits_count() -> None:
    assert _with_packages("newsclean.strip.base", "newsclean.html.xpath") == {"newsclean.html.xpath", "newsclean.html"}
    assert _with_packages("newsclean.html.sites", "newsclean.html.xpath") == {"newsclean.html.xpath"}


def test_no_function_local_imports_of_newsclean_modules() -> None:
    unexplained = sorted(
        {
            f"{module}.{func} (line {line}) imports {target}"
            for module, func, target, line in LOCAL
            if (module, target) not in LAZY_LOADS
        }
    )
    assert not unexplained, "function-local imports (move them to the top, or fix the layering):\n" + "\n".join(
        unexplained
    )


@pytest.mark.parametrize("pair", sorted(LAZY_LOADS))
def test_every_allowed_lazy_load_exists_and_is_no_cycle_dodge(pair: tuple[str, str]) -> None:
    """A stale allowlist entry is an error; and the lazy edge, were it at the top, would make no cycle."""
    module, target = pair
    assert any((m, t) == pair for m, _, t, _ in LOCAL), f"{pair} is no longer imported lazily: drop it"
    graph = {k: set(v) for k, v in GRAPH.items()}
    graph[module] |= _with_packages(module, target) - {module}
    cycle = _find_cycle(graph)
    assert cycle is None, f"{pair} dodges a cycle: " + " -> ".join(cycle or [])
