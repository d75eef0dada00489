// Package static embeds the CSS, JavaScript and icons of the web UI.
package static

import "embed"

// FS holds the static files, served under /static/ with a content hash in
// their names so browsers can cache them forever.
//
//go:embed *.css *.js
var FS embed.FS
