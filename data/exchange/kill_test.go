package exchange_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
	"github.com/mektepkezhol/app/data/exchange"
)

// childList writes a list of n children, the first `existing` of them
// taken from the database (so they update) and the rest new.
func childList(tb testing.TB, st *data.Store, path string, n int) {
	tb.Helper()
	saved, err := st.FindChildren(ctx, data.ChildFilter{Limit: n / 2})
	if err != nil {
		tb.Fatal(err)
	}
	rows := [][]any{{"Тізім"}, {"ЖСН", "Тегі", "Аты", "Туған күні", "Сынып", "Санаты", "Телефон"}}
	for i := 0; i < n; i++ {
		if i < len(saved) {
			c := saved[i]
			rows = append(rows, []any{string(c.IIN), c.Surname, c.Name, "", "6 Б", "многодетные", "87011234567"})
			continue
		}
		id := iin(tb, 100000+i)
		rows = append(rows, []any{id, fmt.Sprintf("Тегі%d", i), "Аты", "", fmt.Sprintf("%d А", 1+i%11),
			"малообеспеченные", "+7 701 000 00 00"})
	}
	writeXLSX(tb, path, rows, nil)
}

// A process killed in the middle of an import leaves the database as it
// was: the commit is one transaction.
func TestKilledImportLeavesDatabaseAsItWas(t *testing.T) {
	if db := os.Getenv("EXCHANGE_KILL_DB"); db != "" {
		importUntilKilled(t, db, os.Getenv("EXCHANGE_KILL_LIST"), os.Getenv("EXCHANGE_KILL_MARKER"))
		return
	}
	dir := t.TempDir()
	db, list, marker := filepath.Join(dir, "k.db"), filepath.Join(dir, "list.xlsx"), filepath.Join(dir, "half")
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.FillDemo(ctx, data.DemoOptions{Children: 600, Sponsors: 20, Distributions: 200}); err != nil {
		t.Fatal(err)
	}
	childList(t, st, list, 2000)
	st.Close()
	before := datatest.DumpFile(t, db)

	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledImportLeavesDatabaseAsItWas$")
	cmd.Env = append(os.Environ(), "EXCHANGE_KILL_DB="+db, "EXCHANGE_KILL_LIST="+list, "EXCHANGE_KILL_MARKER="+marker)
	out, _ := os.Create(filepath.Join(dir, "child.log"))
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if _, err := os.Stat(marker); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			log, _ := os.ReadFile(filepath.Join(dir, "child.log"))
			t.Fatalf("the importing process never got halfway:\n%s", log)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	// Opening recovers the database as SQLite does after a crash.
	st, err = data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if after := datatest.DumpFile(t, db); after != before {
		t.Fatal("the killed import changed the database")
	}
	// The same import run to its end does change it: the test can fail.
	st, err = data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	plan := importFile(t, st, list, exchange.Options{Kind: exchange.Children, SchoolNumber: 1})
	sum, err := exchange.Commit(ctx, st, plan, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported+sum.Updated != 2000 {
		t.Fatalf("full import %+v", sum)
	}
}

// importUntilKilled runs in the child process: it imports and, halfway
// through the commit, says so and waits to be killed.
func importUntilKilled(t *testing.T, db, list, marker string) {
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	plan := importFile(t, st, list, exchange.Options{Kind: exchange.Children, SchoolNumber: 1})
	_, err = exchange.Commit(ctx, st, plan, func(done, total int) {
		if done == total/2 {
			if err := os.WriteFile(marker, []byte(fmt.Sprintf("%d/%d", done, total)), 0o600); err != nil {
				t.Error(err)
			}
			time.Sleep(time.Hour)
		}
	})
	t.Fatalf("the import was not killed: %v", err)
}
