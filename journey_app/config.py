"""Configuration classes and the one list of languages the guide knows."""

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Language:
    code: str
    own_name: str  # the language's name in its own script, as shown in the switcher
    direction: str = "ltr"


# Every language the guide can be offered in. A council turns them on in content/settings.yml.
LANGUAGES = (
    Language("en", "English"),
    Language("pl", "Polski"),
    Language("gu", "ગુજરાતી"),
    Language("pa", "ਪੰਜਾਬੀ"),
    Language("ur", "اردو", "rtl"),
    Language("ar", "العربية", "rtl"),
    Language("ro", "Română"),
    Language("so", "Soomaali"),
)
LANGUAGES_BY_CODE = {language.code: language for language in LANGUAGES}
DEFAULT_LOCALE = "en"


class Config:
    CONTENT_DIR = os.environ.get("JOURNEY_CONTENT_DIR", str(PROJECT_ROOT / "content"))
    STATIC_DIR = str(PROJECT_ROOT / "static")
    BABEL_TRANSLATION_DIRECTORIES = str(PROJECT_ROOT / "translations")
    BABEL_DEFAULT_LOCALE = DEFAULT_LOCALE
    # Refuse to start on broken content. Only the check command turns this off, to report.
    VALIDATE_CONTENT = True
    MAX_CONTENT_LENGTH = 16 * 1024
    TEMPLATES_AUTO_RELOAD = False


class DevelopmentConfig(Config):
    TEMPLATES_AUTO_RELOAD = True


class TestConfig(Config):
    TESTING = True


class ProductionConfig(Config):
    PREFERRED_URL_SCHEME = "https"


CONFIGS = {
    "development": DevelopmentConfig,
    "test": TestConfig,
    "production": ProductionConfig,
}
