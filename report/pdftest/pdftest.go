// Package pdftest reads the app's PDFs back for tests, with poppler-utils'
// pdfinfo and pdftotext (installed by `make test`).
package pdftest

import (
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// Pages returns the PDF's page count.
func Pages(tb testing.TB, path string) int {
	tb.Helper()
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		tb.Fatalf("pdfinfo %s: %v\n%s", path, err, out)
	}
	m := pagesLine.FindSubmatch(out)
	if m == nil {
		tb.Fatalf("pdfinfo: no page count\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// Text returns the PDF's text laid out as on its pages.
func Text(tb testing.TB, path string) string {
	tb.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}
