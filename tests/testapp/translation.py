from modeltranslation.translator import TranslationOptions, register

from tests.testapp.models import Article


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "body")
