"""Model instances made from a compiled query's rows (apps.core.search.PageItems), with their
select_related() objects, as Django's iterator makes them but cheaper.

Model.from_db() calls __init__, which sends pre_init and post_init and walks every field of
the model, loaded or not: on a page of job cards, forty instances cost more than the query
that read them. When nothing can tell the difference, an instance is made directly: its
loaded fields' values in its __dict__, which is all that __init__ leaves there for them, and
its state as from_db() sets it. Otherwise, from_db() as usual."""

from collections.abc import Callable, Sequence

from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_init
from modeltranslation.translator import delete_mt_init

# Descriptors that leave a field's value as is in the instance's __dict__ (a foreign key's
# also clears a cache that a new instance does not have yet).
_PLAIN_DESCRIPTORS = (DeferredAttribute, ForeignKeyDeferredAttribute)
# post_init receivers an instance made without __init__ does not need: modeltranslation's
# removes the mark its patched __init__ sets, and such an instance has none.
_UNNEEDED_RECEIVERS = frozenset({delete_mt_init})

# A function making an instance from the values read (a row, or a model's part of it).
Maker = Callable[[Sequence], Model]


def _made_directly(model: type[Model], attnames: Sequence[str]) -> bool:
    """Whether an instance with only these fields' values in its __dict__ is the one
    __init__ makes: no receiver would have seen __init__ happen, and every field's value is
    stored as is (a file field's, say, is not)."""
    if pre_init.has_listeners(model):
        return False
    receivers, async_receivers = post_init._live_receivers(model)
    if async_receivers or not set(receivers) <= _UNNEEDED_RECEIVERS:
        return False
    return all(type(getattr(model, name, None)) in _PLAIN_DESCRIPTORS for name in attnames)


def instance_maker(model: type[Model], attnames: Sequence[str], database: str) -> Maker:
    """A function making a `model` instance read from `database` from the values of the
    fields `attnames` (in the model's field order), as model.from_db() does."""
    if not _made_directly(model, attnames):
        loaded = frozenset(attnames)
        return lambda values: model.from_db(database, loaded, values)
    names = tuple(attnames)
    new = model.__new__

    def make(values: Sequence) -> Model:
        instance = new(model)
        state = ModelState()
        state.adding = False
        state.db = database
        fields = instance.__dict__
        fields["_state"] = state
        fields.update(zip(names, values, strict=True))
        return instance

    return make


def _part(info: dict, select: list, database: str) -> tuple[slice, list[str], Maker, list]:
    """A model's part of a compiler's rows: its columns, their fields' names, the function
    making its instance, and the loaders of its own select_related() objects."""
    fields = info["select_fields"]
    columns = slice(fields[0], fields[-1] + 1)
    attnames = [column[0].target.attname for column in select[columns]]
    children = [
        _related_loader(child, select, database) for child in info.get("related_klass_infos", [])
    ]
    return columns, attnames, instance_maker(info["model"], attnames, database), children


def _related_loader(info: dict, select: list, database: str) -> Callable[[Sequence, Model], None]:
    """What RelatedPopulator.populate() does for one select_related() model: make its
    instance from its columns (None when its key is NULL) and link the two both ways."""
    if info["from_parent"]:  # multi-table inheritance: no card type has it
        raise ValueError(f"{info['model']} is loaded with its parent's columns")
    columns, attnames, make, children = _part(info, select, database)
    key_at = attnames.index(info["model"]._meta.pk.attname)
    set_local, set_remote = info["local_setter"], info["remote_setter"]

    def populate(row: Sequence, owner: Model) -> None:
        values = row[columns]
        related = None if values[key_at] is None else make(values)
        if related is not None:
            for child in children:
                child(row, related)
            set_remote(related, owner)
        set_local(owner, related)

    return populate


def row_loader(info: dict, select: list, database: str) -> Maker:
    """A function making a row's instance with its select_related() objects, from a
    compiler's klass_info and select."""
    columns, _attnames, make, related = _part(info, select, database)

    def load(row: Sequence) -> Model:
        instance = make(row[columns])
        for populate in related:
            populate(row, instance)
        return instance

    return load
