"""Dependencies point one way (ARCHITECTURE.md): core imports no other Camino app, and no two
apps reach each other, directly or through others. Read from the source with ast, imports
inside functions included (a lazy import is still a dependency); migrations left out."""

import ast
from collections import defaultdict
from pathlib import Path

APPS = Path(__file__).resolve().parent.parent / "apps"

# Where an app imports another: {importer: {imported: ["path:line", ...]}}
Graph = dict[str, dict[str, list[str]]]


def imported_modules(tree: ast.Module, module: str) -> list[tuple[str, int]]:
    """Every module named by an import in the tree, relative imports resolved."""
    package = module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            # `from apps import jobs` names the app in the alias.
            found += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


def import_graph(root: Path) -> Graph:
    graph: Graph = defaultdict(lambda: defaultdict(list))
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if "migrations" in relative.parts:
            continue
        app = relative.parts[0]
        module = ".".join((root.name, *relative.with_suffix("").parts))
        tree = ast.parse(path.read_text(), filename=str(path))
        for name, line in imported_modules(tree, module):
            parts = name.split(".")
            if parts[0] != root.name or len(parts) < 2 or parts[1] == app:
                continue
            where = f"{root.name}/{relative}:{line}"
            if where not in graph[app][parts[1]]:  # one line may import several names
                graph[app][parts[1]].append(where)
    return graph


def cycles(graph: Graph) -> list[list[str]]:
    """The groups of apps that reach each other (strongly connected components, Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(app: str) -> None:
        index[app] = low[app] = len(index)
        stack.append(app)
        for other in graph.get(app, {}):
            if other not in index:
                visit(other)
                low[app] = min(low[app], low[other])
            elif other in stack:
                low[app] = min(low[app], index[other])
        if low[app] == index[app]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == app:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for app in sorted(graph):
        if app not in index:
            visit(app)
    return found


def explain(graph: Graph, group: list[str]) -> list[str]:
    return [
        f"{app} -> {other}: {', '.join(where)}"
        for app in group
        for other, where in sorted(graph[app].items())
        if other in group
    ]


def test_core_imports_no_other_camino_app():
    graph = import_graph(APPS)
    assert dict(graph["core"]) == {}


def test_no_two_apps_import_each_other():
    graph = import_graph(APPS)
    assert [explain(graph, group) for group in cycles(graph)] == []


def test_the_checks_see_every_kind_of_import(tmp_path):
    """The two tests above on a small tree with each way of importing another app."""
    root = tmp_path / "apps"
    files = {
        "core/models.py": "def f():\n    from apps.accounts.models import User\n",
        "accounts/models.py": "from apps.core import models\n",
        "jobs/views.py": "import apps.notifications.services\nfrom . import forms, models\n",
        "jobs/models.py": "from ..core.models import Publishable\n",
        "notifications/services.py": "from apps import jobs\nfrom apps.jobs.models import A, B\n",
        "notifications/migrations/0001_initial.py": "import apps.curation.models\n",
        "curation/views.py": "from apps.jobs.models import Job\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)

    graph = import_graph(root)

    assert dict(graph["core"]) == {"accounts": ["apps/core/models.py:2"]}
    assert set(graph["jobs"]) == {"notifications", "core"}
    assert "curation" not in graph["notifications"]  # migrations are left out
    assert cycles(graph) == [["accounts", "core"], ["jobs", "notifications"]]
    assert explain(graph, ["jobs", "notifications"]) == [
        "jobs -> notifications: apps/jobs/views.py:1",
        "notifications -> jobs: apps/notifications/services.py:1, apps/notifications/services.py:2",
    ]
