import functools

from odoo import models
from odoo.tools.misc import file_open
from odoo.tools.translate import PoFileReader, code_translations, get_po_paths


@functools.lru_cache(maxsize=128)
def _po_model_names(module, lang):
    """The translated model names of ``module``'s .po file for ``lang``:
    {xml id of the model (model_x_y): name}."""
    names = {}
    for path in get_po_paths(module, lang):
        with file_open(path, mode="rb") as fileobj:
            for row in PoFileReader(fileobj):
                if row["type"] == "model" and row["name"] == "ir.model,name" and row["value"]:
                    names[row["imd_name"]] = row["value"]
    return names


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _creation_message(self):
        """Odoo logs "<model name> created" in the language of the user who
        creates the record, with the model name as translated in the
        database. The data and demo records of an addon are created before
        the addon's translations are loaded: their chatter said "Grant créé"
        for ever. The model name is then read from the addon's .po file."""
        lang = self.env.lang
        if lang and lang != "en_US":
            model = self.env["ir.model"]._get(self._name)
            if model.name == model.with_context(lang="en_US").name:
                xmlid = "model_" + self._name.replace(".", "_")
                modules = (self._original_module, *(model.modules or "").split(", "))
                for module in filter(None, modules):
                    name = _po_model_names(module.strip(), lang).get(xmlid)
                    if name:
                        message = code_translations.get_python_translations("mail", lang).get(
                            "%s created", "%s created"
                        )
                        return message % name
        return super()._creation_message()
