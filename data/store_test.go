package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// mustOpen opens a new database in a temp folder, closed at the test's end.
func mustOpen(tb testing.TB) *data.Store {
	tb.Helper()
	st := datatest.Open(tb)
	st.Now = func() time.Time { return time.Date(2019, 9, 20, 10, 0, 0, 0, time.UTC) }
	return st
}

// sqliteOnly skips a test of the SQLite file itself (its backups, its
// PRAGMAs) in the run against the PostgreSQL server.
func sqliteOnly(tb testing.TB) {
	if datatest.OnServer() {
		tb.Skip("a test of the SQLite file")
	}
}

// mustDemo opens a new database filled with the demo at a small size.
func mustDemo(tb testing.TB, opt data.DemoOptions) (*data.Store, data.Campaign) {
	tb.Helper()
	st := mustOpen(tb)
	ctx := context.Background()
	if err := st.FillDemo(ctx, opt); err != nil {
		tb.Fatal(err)
	}
	c, err := st.FindCampaignByYear(ctx, 2019)
	if err != nil {
		tb.Fatal(err)
	}
	return st, c
}

func TestMigrationsFromEmpty(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	v, err := st.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := v, data.SchemaVersion(); got != want || want < 1 {
		t.Fatalf("schema version=%d, want %d", got, want)
	}
	cats, err := st.FindCategories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(cats), len(data.CategoryCodes); got != want {
		t.Fatalf("categories=%d, want %d", got, want)
	}
	for i, c := range cats {
		if c.Code != data.CategoryCodes[i] || c.NameKK == "" || c.NameRU == "" {
			t.Fatalf("category %d = %+v, want code %s with kk and ru names", i, c, data.CategoryCodes[i])
		}
	}
	items, err := st.FindAidItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) < 7 {
		t.Fatalf("aid items=%d, want the catalogue of 7", len(items))
	}
}

func TestReopenKeepsDataAndVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	sc := data.School{Number: 7, NameKK: "№7 мектеп", Type: data.SchoolGeneral}
	if err := st.CreateSchool(ctx, &sc); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st, err = data.Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer st.Close()
	if _, err := st.FindSchoolByNumber(ctx, 7); err != nil {
		t.Fatalf("school after reopen: %v", err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.RawExec(`INSERT INTO schema_migrations (version, applied_at) VALUES (999, 'later')`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := data.Open(path); !errors.Is(err, data.ErrNewerSchema) {
		t.Fatalf("open newer database: err=%v, want ErrNewerSchema", err)
	}
}

func TestFileIsUserOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.db")
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got&0o077 != 0 {
		t.Fatalf("database mode=%v, want user-only", got)
	}
}
