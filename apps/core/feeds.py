from django.utils.feedgenerator import Atom1Feed


class PlainTextAtom1Feed(Atom1Feed):
    """Atom with summaries of type "text" (Django writes "html"): they hold what partners
    wrote, which feed readers must show as written, not render."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})
