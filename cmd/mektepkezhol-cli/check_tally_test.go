package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckRecountsTallies: a DBA's edit with the triggers off leaves the
// dashboard's tallies behind; check names it (kind tally, exit 1), and
// check --recount-tallies counts them afresh and finds nothing.
func TestCheckRecountsTallies(t *testing.T) {
	db := filepath.Join(t.TempDir(), "office.db")
	if code, _, errOut := cli(t, "--db", db, "demo", "--children", "40", "--sponsors", "5", "--distributions", "30"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errOut)
	}
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`UPDATE tally_given SET n = n + 5 WHERE (campaign_id, item_id, shard) =
		(SELECT campaign_id, item_id, shard FROM tally_given LIMIT 1)`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	if code, out, _ := cli(t, "--db", db, "check"); code != 1 || !strings.Contains(out, "tally") {
		t.Fatalf("check after the edit: exit %d: %s; want exit 1 naming the tally", code, out)
	}
	if code, out, errOut := cli(t, "--db", db, "check", "--recount-tallies"); code != 0 || !strings.HasPrefix(out, "ok") {
		t.Fatalf("check --recount-tallies: exit %d: %s%s", code, out, errOut)
	}
	if code, out, _ := cli(t, "--db", db, "check"); code != 0 {
		t.Fatalf("check after the recount: exit %d: %s", code, out)
	}
}
