package data_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// searchFixture saves children whose searches below have answers written
// by hand, after filler children, none of whom those searches find, who
// come first in the alphabet: a search that walks the list in order walks
// past them.
func searchFixture(t *testing.T, st *data.Store, filler int) {
	t.Helper()
	school := mustSchool(t, st, 7)
	add := childAdder(t, st, school.ID)
	// the filler sorts first («Аа…») and holds no «ахмет», «імов», «серік»
	for i := range filler {
		add(fmt.Sprintf("Аа%05d", i), "Бота", false)
	}
	add("Ахметова", "Дана", false)
	add("Серікова", "Әсел", false)
	add("Ахметов", "Болат", false)
	add("Ахметов", "Арман", true)
	add("Ахметов", "Айдос", false)
	add("Шәкімов", "Серік", false)
	add("Әлімова", "Ая", false)
}

// checkSearches runs the fixture's searches through the first page and
// the count, as the Children screen and the pickers do.
func checkSearches(t *testing.T, st *data.Store) {
	t.Helper()
	ctx := context.Background()
	for _, tc := range []struct {
		q     string
		limit int
		want  string
		more  bool
		count int
	}{
		{"ахмет", 2, "Ахметов Айдос, Ахметов Болат", true, 3},
		{"АХМЕТ", 10, "Ахметов Айдос, Ахметов Болат, Ахметова Дана", false, 3},
		{"серік", 10, "Серікова Әсел, Шәкімов Серік", false, 2},
		{"імов", 10, "Әлімова Ая, Шәкімов Серік", false, 2},
		{"ов а", 10, "Ахметов Айдос", false, 1}, // across the space between surname and name
		{"100_%", 10, "", false, 0}, // LIKE's wildcards are plain letters
		{"Серікбаев", 10, "", false, 0},
	} {
		f := data.ChildFilter{Query: tc.q}
		page, err := st.FindChildPage(ctx, f, data.ChildCursor{}, tc.limit)
		if err != nil {
			t.Fatalf("%q: %v", tc.q, err)
		}
		var names []string
		for _, c := range page.Children {
			names = append(names, c.Surname+" "+c.Name)
		}
		if got := strings.Join(names, ", "); got != tc.want || page.More != tc.more {
			t.Errorf("%q: %q more=%v, want %q more=%v", tc.q, got, page.More, tc.want, tc.more)
		}
		if n, err := st.CountChildren(ctx, f); err != nil || n != tc.count {
			t.Errorf("%q: count %d (%v), want %d", tc.q, n, err, tc.count)
		}
	}
}

// TestChildSearchTrigramIndex: on a server the search has its trigram
// index (migration 0010) and answers the same without it, as on an
// office whose owner could not add pg_trgm. On SQLite it answers the same.
func TestChildSearchTrigramIndex(t *testing.T) {
	st := mustOpen(t)
	searchFixture(t, st, 40)
	checkSearches(t, st)
	if !datatest.OnServer() {
		return
	}
	schema := schemaOf(t, st)
	n, err := st.RawCount(`SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = 'children_search_trgm'`, schema)
	if err != nil || n != 1 {
		t.Fatalf("trigram index: %d (%v), want 1", n, err)
	}
	if err := st.RawExec(`DROP INDEX children_search_trgm`); err != nil {
		t.Fatal(err)
	}
	checkSearches(t, st)
}

// TestOpensWithoutRightToAddTrigrams: an office whose owner may not add
// extensions to a database that lacks pg_trgm opens, migrates without the
// index and searches by a scan.
func TestOpensWithoutRightToAddTrigrams(t *testing.T) {
	serverOnly(t)
	st := mustOpen(t)
	server, err := url.Parse(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("notrgm%d", os.Getpid())
	for _, q := range []string{`CREATE ROLE ` + name + ` LOGIN`, `CREATE DATABASE ` + name} {
		if err := st.RawExec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		for _, q := range []string{`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`, `DROP ROLE IF EXISTS ` + name} {
			if err := st.RawExec(q); err != nil {
				t.Errorf("%s: %v", q, err)
			}
		}
	})
	u := *server
	u.Path = "/" + name
	q := u.Query()
	q.Del("search_path")
	u.RawQuery = q.Encode()
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`CREATE SCHEMA office AUTHORIZATION ` + name)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.User(name)
	q.Set("search_path", "office")
	u.RawQuery = q.Encode()
	owner, err := data.Open(u.String())
	if err != nil {
		t.Fatalf("open as an owner without the right to add pg_trgm: %v", err)
	}
	defer owner.Close()
	if v, err := owner.Version(context.Background()); err != nil || v != data.SchemaVersion() {
		t.Fatalf("schema %d (%v), want %d", v, err, data.SchemaVersion())
	}
	n, err := owner.RawCount(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'
		UNION ALL SELECT 1 FROM pg_indexes WHERE indexname = 'children_search_trgm'`)
	if err != nil || n != 0 {
		t.Fatalf("pg_trgm or its index: %d (%v), want none", n, err)
	}
	searchFixture(t, owner, 0)
	checkSearches(t, owner)
}
