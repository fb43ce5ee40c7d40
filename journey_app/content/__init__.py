"""The guide's content: loaded from the content folder, rendered once, validated."""

from .loader import load_content
from .models import Content, ContentError, Problem

__all__ = ["Content", "ContentError", "Problem", "load_content"]
