package data_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// TestOpenReadOnlyRefusesAnOlderSchema: a read-only open cannot bring a
// schema up to date, so an older one is refused by name (and a current
// one reads).
func TestOpenReadOnlyRefusesAnOlderSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	ro, err := data.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("current schema: %v", err)
	}
	if _, err := ro.Summary(ctx, 1); err != nil && !errors.Is(err, data.ErrNotFound) {
		t.Errorf("summary read-only: %v", err)
	}
	ro.Close()
	st, err = data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.RawExec(fmt.Sprintf(`DELETE FROM schema_migrations WHERE version = %d`, data.SchemaVersion())); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := data.OpenReadOnly(ctx, path); !errors.Is(err, data.ErrOlderSchema) {
		t.Fatalf("older schema: err=%v, want ErrOlderSchema", err)
	}
}
