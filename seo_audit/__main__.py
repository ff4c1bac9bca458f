"""`python -m seo_audit` runs the command line."""

from seo_audit.cli import main

main()
