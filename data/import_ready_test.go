package data_test

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

// The list handed to ImportChildren is only read: a window may read it
// while the import runs (the race detector sees any write), and afterwards
// it is as given, not normalised. The saved children are normalised, and
// each has one audit row whose JSON names its id.
func TestImportChildrenLeavesTheListAsGiven(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	cs := importChildren(t, 1100) // three chunks of the transaction
	for i := range cs {
		cs[i].Surname = "  АХМЕТОВ  "
		cs[i].Name = "әлия"
		cs[i].GradeLetter = " б "
	}
	given := make([]data.Child, len(cs))
	copy(given, cs)
	var (
		wg    sync.WaitGroup
		done  = make(chan struct{})
		reads int
	)
	wg.Go(func() { // the window reading the plan
		for {
			select {
			case <-done:
				return
			default:
			}
			for _, c := range cs {
				if c.Surname != "  АХМЕТОВ  " || !c.BirthDate.IsZero() || c.Sex != "" || c.ID != 0 {
					t.Errorf("the list changed: %+v", c)
					return
				}
			}
			reads++
		}
	})
	out, err := st.ImportChildren(ctx, cs, data.ImportOptions{})
	close(done)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cs, given) {
		t.Fatal("the list was changed")
	}
	if len(out) != 1100 || out[0] != data.ImportNew || out[1099] != data.ImportNew {
		t.Fatalf("outcomes %v … %v", out[:2], out[1098:])
	}
	saved, err := st.FindChildByIIN(ctx, cs[1050].IIN)
	if err != nil {
		t.Fatal(err)
	}
	born, _ := time.Parse("060102", string(cs[1050].IIN[:6])) // an IIN begins with the birth date
	if saved.Surname != "Ахметов" || saved.Name != "Әлия" || saved.GradeLetter != "Б" ||
		!saved.BirthDate.Equal(born) || saved.Sex != data.Female {
		t.Fatalf("saved %+v", saved)
	}
	audit, err := st.FindAudit(ctx, "children", 5000)
	if err != nil || len(audit) != 1100 {
		t.Fatalf("%d audit rows, %v; want 1100", len(audit), err)
	}
	for _, e := range audit {
		// the app's JSON of the child, or a server's trigger's of its row
		// (keys in lower case, which Unmarshal matches too)
		var c struct {
			ID      int64
			Surname string
			Version int64
		}
		if err := json.Unmarshal([]byte(e.NewJSON), &c); err != nil || c.ID != e.RowID || c.ID == 0 ||
			c.Surname != "Ахметов" || c.Version != 1 || e.Action != "insert" || e.OldJSON != "" {
			t.Fatalf("audit row %+v: %v", e, err)
		}
	}
	if reads == 0 {
		t.Log("the reader did not get a turn")
	}
}

// A refused child fails the import with its place in the list, even when
// the database fails on an earlier child first (the children are checked
// as they come, in the transaction); nothing is saved.
func TestImportChildrenRefusedChildComesFirst(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	cs := importChildren(t, 1100)
	cs[3].SchoolID = 9999  // no such school: the database fails here first
	cs[700].Surname = "  " // refused: child 701, in the second chunk
	cs[900].IIN = "123"    // refused too, later
	_, err := st.ImportChildren(ctx, cs, data.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "child 701 of 1100") {
		t.Fatalf("error %v; want child 701 of 1100", err)
	}
	if n, _ := st.CountChildren(ctx, data.ChildFilter{}); n != 0 {
		t.Fatalf("%d children saved by a failed import", n)
	}
	cs[700].Surname, cs[900].IIN = "тегі", cs[901].IIN
	if _, err := st.ImportChildren(ctx, cs[:800], data.ImportOptions{}); err == nil || strings.Contains(err.Error(), "child 4 of") {
		t.Fatalf("error %v; want the database's", err)
	}
}
