"""`python -m readiness` runs the same CLI as the `readiness` command."""

from readiness.cli import main

raise SystemExit(main())
