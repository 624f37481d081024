from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCreationMessage(TransactionCase):
    """The chatter's "<document> created" names the document in the
    language of the user, even when the record is created before the
    addon's translations are loaded (data and demo records)."""

    def test_model_name_translated_from_the_addon_po_file(self):
        if not self.env["res.lang"]._lang_get("fr_FR").active:
            self.skipTest("French is not installed")
        model = self.env["ir.model"]._get("health.authorising.act")
        french = model.with_context(lang="fr_FR").name
        self.assertNotEqual(french, model.with_context(lang="en_US").name)
        # as when the demo data is loaded: the name is not translated yet
        model.with_context(lang="fr_FR").name = model.with_context(lang="en_US").name
        act = (
            self.env["health.authorising.act"]
            .with_context(lang="fr_FR")
            .create(
                {
                    "act_type": "deliberation",
                    "body": "standing_committee",
                    "number": "03-099",
                    "date": "2019-02-14",
                    "partner_id": self.env["res.partner"].create({"name": "Conseil"}).id,
                }
            )
        )
        body = act.message_ids[-1:].body
        self.assertIn(french, body)
        self.assertNotIn("Authorising Act", body)
