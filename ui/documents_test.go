package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data"
)

// TestDiskFullText tells the clerk that nothing was saved.
func TestDiskFullText(t *testing.T) {
	test.NewTempApp(t)
	setLanguage("ru")
	t.Cleanup(func() { setLanguage("kk") })
	err := fmt.Errorf("write report: %w", fmt.Errorf("%w: no space left on device", data.ErrDiskFull))
	if got, want := errorText(err), lang.L("err.disk_full"); got != want || !strings.Contains(got, "ничего не сохранено") {
		t.Fatalf("errorText=%q, want %q", got, want)
	}
}

// TestFreePath never overwrites an earlier document.
func TestFreePath(t *testing.T) {
	dir := t.TempDir()
	first := freePath(dir, "Алғыс хаттар 2019", ".pdf")
	if filepath.Base(first) != "Алғыс хаттар 2019.pdf" {
		t.Fatalf("first=%q", first)
	}
	if err := os.WriteFile(first, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if second := freePath(dir, "Алғыс хаттар 2019", ".pdf"); filepath.Base(second) != "Алғыс хаттар 2019 (2).pdf" {
		t.Fatalf("second=%q", second)
	}
	if p := freePath(dir, `a/b:c`, ".txt"); filepath.Dir(p) != dir {
		t.Fatalf("a name with separators leaves the folder: %q", p)
	}
}
