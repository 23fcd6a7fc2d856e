"""What career pathways declare to the shared pieces, called by CertificationsConfig.ready()
(models are loaded by then)."""

from django.utils.translation import gettext_lazy as _


def pathways_register() -> None:
    """Career pathways: the home card, the links a job's page offers to its kind of
    work's pathway and credentials, and the pay figures worked out after the demo loads."""
    from apps.certifications.pathways import credentials_url, pathway_url
    from apps.certifications.pay import pay_figures_refresh_line
    from apps.core.demo_data import after_demo_load
    from apps.core.registry import CategoryLink, HomeEntry, category_links, home_entries

    home_entries.register(
        "pathways",
        HomeEntry(
            title=_("Career pathways"),
            text=_(
                "What each kind of work pays now, the credentials that raise pay and "
                "whether you can get them without a Social Security number, and "
                "trainings near you."
            ),
            url_name="certifications:pathways",
            link_label=_("See the pathways"),
        ),
    )
    category_links.register(
        "pathway",
        CategoryLink(_("What this kind of work pays and how to get ahead"), pathway_url),
    )
    category_links.register(
        "credentials", CategoryLink(_("Credentials that help"), credentials_url)
    )
    after_demo_load.register("pay_figures", pay_figures_refresh_line)
