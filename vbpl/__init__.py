"""vbpl: citations between Vietnamese legal documents."""

from vbpl.extract import extract
from vbpl.models import Citation, DocumentIdentity, Extraction, Placeholder

__all__ = ["Citation", "DocumentIdentity", "Extraction", "Placeholder", "extract"]
__version__ = "0.1.0"
