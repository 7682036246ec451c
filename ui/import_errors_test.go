package ui

import (
	"errors"
	"fmt"
	"testing"

	"github.com/mektepkezhol/app/data/exchange"
)

// TestImportErrorKey: a list over its rows or columns is told to be split,
// a workbook over the reader's bounds to be copied into a new file (it is
// also an ErrTooBig, so its case must come first); each key is worded in
// kk and ru.
func TestImportErrorKey(t *testing.T) {
	kk, ru := loadTranslation(t, "kk"), loadTranslation(t, "ru")
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("%w: more than 100000 rows (row 100022)", exchange.ErrTooBig), "import.err_too_big"},
		{fmt.Errorf("%w: more than 2000000 shared texts", exchange.ErrTooDense), "import.err_too_dense"},
		{fmt.Errorf("parse: %w", exchange.ErrDamaged), "import.err_damaged"},
		{exchange.ErrFormat, "import.err_format"},
		{exchange.ErrNoHeader, "import.err_no_header"},
		{exchange.ErrStale, "import.err_stale"},
		{errors.New("disk full"), ""},
	} {
		got := importErrorKey(tc.err)
		if got != tc.want {
			t.Errorf("importErrorKey(%v) = %q, want %q", tc.err, got, tc.want)
		}
		if got == "" {
			continue
		}
		if _, ok := kk[got]; !ok {
			t.Errorf("kk lacks %q", got)
		}
		if _, ok := ru[got]; !ok {
			t.Errorf("ru lacks %q", got)
		}
	}
}
