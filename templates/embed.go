// Package templates embeds the html/template files of the web UI.
package templates

import "embed"

// FS holds every template; the web layer parses one set per page.
//
//go:embed *.html
var FS embed.FS
