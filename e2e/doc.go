// Package e2e holds Safar's browser tests: the respondent pages driven in a
// real headless Chromium (Debian's chromium package) through chromedp,
// against the whole application started in-process on a temp SQLite store.
//
//	go test ./e2e/ -v
//
// Environment:
//
//	SAFAR_CHROMIUM   the browser binary (default /usr/bin/chromium); the tests
//	                 skip, saying so, when it is missing.
//	SAFAR_AXE_JS     axe.min.js from the npm package axe-core (default
//	                 .ci/node/node_modules/axe-core/axe.min.js); the
//	                 accessibility tests skip without it.
//	SAFAR_ARTIFACTS  where screenshots go (default ./artifacts/ at the
//	                 repository root, which git ignores).
//
// The package has no non-test code besides this comment.
package e2e
