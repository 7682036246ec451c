package data_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

var testUsers atomic.Int64

// mustUser creates a login of the given role for this test, removed at its
// end, and opens the admin's schema as that user.
func mustUser(t testing.TB, admin *data.Store, role data.Role) *data.Store {
	t.Helper()
	ctx := context.Background()
	name := fmt.Sprintf("t%d_%s_%d", os.Getpid(), role, testUsers.Add(1))
	if err := admin.CreateUser(ctx, name, "", role); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := admin.DropUser(context.Background(), name); err != nil {
			t.Errorf("drop user %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin.Path())
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.User(name)
	st, err := data.Open(u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.Now = admin.Now
	return st
}

func TestRolesOnServer(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("roles and grants are the server's")
	}
	ctx := context.Background()
	admin, c, child, backpack := stockFixture(t)
	if got, want := admin.Role(), data.RoleAdmin; got != want {
		t.Fatalf("superuser's role=%s, want %s", got, want)
	}
	clerk := mustUser(t, admin, data.RoleClerk)
	head := mustUser(t, admin, data.RoleHead)
	for _, tc := range []struct {
		st   *data.Store
		want data.Role
	}{{clerk, data.RoleClerk}, {head, data.RoleHead}} {
		if got := tc.st.Role(); got != tc.want {
			t.Fatalf("%s's role=%s, want %s", tc.st.Actor(), got, tc.want)
		}
	}
	users, err := admin.FindUsers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	roles := map[string]data.Role{}
	for _, u := range users {
		roles[u.Name] = u.Role
	}
	if roles[clerk.Actor()] != data.RoleClerk || roles[head.Actor()] != data.RoleHead {
		t.Fatalf("users=%v, want %s clerk and %s head", users, clerk.Actor(), head.Actor())
	}

	// The clerk enters data; the distribution waits for the head.
	kid := newChild("791028302728", child.SchoolID)
	if err := clerk.CreateChild(ctx, &kid); err != nil {
		t.Fatal(err)
	}
	ds := []data.Distribution{give(c, kid, backpack, 1)}
	if err := clerk.CreateDistributions(ctx, ds, false); err != nil {
		t.Fatal(err)
	}
	pending, err := admin.FindDistributions(ctx, data.DistributionFilter{CampaignID: c.ID, Pending: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || pending[0].ID != ds[0].ID {
		t.Fatalf("pending=%v, want the clerk's #%d", pending, ds[0].ID)
	}

	// Neither the app nor the server lets the clerk approve it.
	if _, err := clerk.ApproveDistributions(ctx, []int64{ds[0].ID}); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("clerk approves: err=%v, want ErrForbidden", err)
	}
	err = clerk.RawWrite(`UPDATE distributions SET approved_by = $1, approved_at = '2019-08-20' WHERE id = $2`, clerk.Actor(), ds[0].ID)
	if !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("clerk's raw approval: err=%v, want ErrForbidden from the server", err)
	}
	err = clerk.RawWrite(`INSERT INTO distributions (child_id, campaign_id, item_id, quantity, given_on, approved_by)
		VALUES ($1, $2, $3, 1, '2019-08-21', 'x')`, kid.ID, c.ID, backpack.ID)
	if !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("clerk's raw approved insert: err=%v, want ErrForbidden from the server", err)
	}

	// The head approves it.
	n, err := head.ApproveDistributions(ctx, []int64{ds[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("approved=%d, want 1", n)
	}
	got, err := clerk.FindDistributions(ctx, data.DistributionFilter{ID: ds[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	if got[0].ApprovedBy != head.Actor() || got[0].ApprovedAt.IsZero() {
		t.Fatalf("approved by %q at %v, want %s", got[0].ApprovedBy, got[0].ApprovedAt, head.Actor())
	}
	if n, err := head.ApproveDistributions(ctx, []int64{ds[0].ID}); err != nil || n != 0 {
		t.Fatalf("approve again: n=%d err=%v, want 0", n, err)
	}
	// Now approved, the clerk may not take it back, nor change it: the
	// server's row-level security leaves it alone.
	if err := clerk.DeleteDistribution(ctx, ds[0].ID); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("clerk deletes approved: err=%v, want ErrForbidden", err)
	}
	if err := clerk.RawWrite(`DELETE FROM distributions WHERE id = $1`, ds[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := clerk.RawWrite(`UPDATE distributions SET quantity = 5 WHERE id = $1`, ds[0].ID); err != nil {
		t.Fatal(err)
	}
	if got, err := admin.FindDistributions(ctx, data.DistributionFilter{ID: ds[0].ID}); err != nil || len(got) != 1 || got[0].Quantity != 1 {
		t.Fatalf("after the clerk's raw delete and update: %v (%v), want the approved row untouched", got, err)
	}

	// Settings are the admin's: the app and the server refuse the clerk.
	settings, err := clerk.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := clerk.SaveSettings(ctx, settings); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("clerk saves settings: err=%v, want ErrForbidden", err)
	}
	if err := clerk.RawWrite(`INSERT INTO settings (key, value) VALUES ('x', 'y')`); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("clerk's raw settings insert: err=%v, want ErrForbidden from the server", err)
	}
	if err := head.RawWrite(`DELETE FROM audit_log`); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("head deletes the audit log: err=%v, want ErrForbidden from the server", err)
	}
	if _, err := head.IssueLetters(ctx, c.ID, nil, "kk", data.Date(2019, 9, 1), nil); err != nil {
		t.Fatalf("head issues letters: %v", err)
	}
	if _, err := clerk.IssueLetters(ctx, c.ID, nil, "kk", data.Date(2019, 9, 1), nil); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("clerk issues letters: err=%v, want ErrForbidden", err)
	}
	if err := head.CreateUser(ctx, "t_never", "", data.RoleClerk); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("head creates a user: err=%v, want ErrForbidden", err)
	}

	// The audit log names the database users.
	entries, err := admin.FindAudit(ctx, "distributions", 10)
	if err != nil {
		t.Fatal(err)
	}
	who := map[string]string{}
	for _, e := range entries {
		if e.RowID == ds[0].ID {
			who[e.Action] = e.OSUser
		}
	}
	if who["insert"] != clerk.Actor() || who["update"] != head.Actor() {
		t.Fatalf("audit users=%v, want insert by %s, approve by %s", who, clerk.Actor(), head.Actor())
	}
}

func TestUserRoleChange(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("users are the server's")
	}
	ctx := context.Background()
	admin := mustOpen(t)
	clerk := mustUser(t, admin, data.RoleClerk)
	if err := admin.SetUserRole(ctx, clerk.Actor(), data.RoleHead); err != nil {
		t.Fatal(err)
	}
	users, err := admin.FindUsers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got data.Role
	for _, u := range users {
		if u.Name == clerk.Actor() {
			got = u.Role
		}
	}
	if got != data.RoleHead {
		t.Fatalf("role after change=%q, want head", got)
	}
	for _, bad := range []string{"Robert'); DROP TABLE children;--", "postgres", "mektepkezhol_admin", "a"} {
		if err := admin.CreateUser(ctx, bad, "", data.RoleClerk); err == nil {
			t.Fatalf("user %q created, want refused", bad)
		}
	}
	if err := admin.CreateUser(ctx, clerk.Actor(), "", data.RoleClerk); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("user twice: err=%v, want ErrConflict", err)
	}

	// An admin who is no superuser manages users too.
	admin2 := mustUser(t, admin, data.RoleAdmin)
	if got := admin2.Role(); got != data.RoleAdmin {
		t.Fatalf("admin's role=%s", got)
	}
	head := mustUser(t, admin2, data.RoleHead)
	if got := head.Role(); got != data.RoleHead {
		t.Fatalf("role of the admin's user=%s, want head", got)
	}
	if err := admin2.SetUserRole(ctx, head.Actor(), data.RoleClerk); err != nil {
		t.Fatal(err)
	}
	if err := admin2.DropUser(ctx, admin2.Actor()); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("admin removes oneself: err=%v, want ErrForbidden", err)
	}
}

func TestRolesOnFile(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	st, c, child, backpack := stockFixture(t)
	if got, want := st.Role(), data.RoleAdmin; got != want {
		t.Fatalf("file's role=%s, want %s", got, want)
	}
	if _, err := st.FindUsers(ctx); !errors.Is(err, data.ErrNotServer) {
		t.Fatalf("users of a file: err=%v, want ErrNotServer", err)
	}
	ds := []data.Distribution{give(c, child, backpack, 1)}
	if err := st.CreateDistributions(ctx, ds, false); err != nil {
		t.Fatal(err)
	}
	if ds[0].Pending() {
		t.Fatal("the admin's distribution is pending, want approved")
	}

	// The app's own checks, as a clerk would meet them.
	st.SetRole(data.RoleClerk)
	ds = []data.Distribution{give(c, child, backpack, 2)}
	if err := st.CreateDistributions(ctx, ds, true); err != nil {
		t.Fatal(err)
	}
	pending, err := st.FindDistributions(ctx, data.DistributionFilter{Pending: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || pending[0].ID != ds[0].ID {
		t.Fatalf("pending=%v, want #%d", pending, ds[0].ID)
	}
	all, err := st.FindDistributions(ctx, data.DistributionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := leftOf(t, st, c, backpack), int64(10-3); got != want || len(all) != 2 {
		t.Fatalf("left=%d (want %d), distributions=%d (want 2): a pending one is handed out too", got, want, len(all))
	}
	for name, fn := range map[string]func() error{
		"approve":  func() error { _, err := st.ApproveDistributions(ctx, []int64{ds[0].ID}); return err },
		"settings": func() error { return st.SaveSettings(ctx, data.Settings{}) },
		"school":   func() error { return st.CreateSchool(ctx, &data.School{Number: 99, NameKK: "x", NameRU: "x"}) },
		"campaign": func() error { return st.UpdateCampaign(ctx, &c) },
		"letters": func() error {
			_, err := st.IssueLetters(ctx, c.ID, nil, "kk", data.Date(2019, 9, 1), nil)
			return err
		},
	} {
		if err := fn(); !errors.Is(err, data.ErrForbidden) {
			t.Errorf("clerk's %s: err=%v, want ErrForbidden", name, err)
		}
	}
	st.SetRole(data.RoleHead)
	if n, err := st.ApproveDistributions(ctx, []int64{ds[0].ID}); err != nil || n != 1 {
		t.Fatalf("head approves: n=%d err=%v, want 1", n, err)
	}
}

// The roles' cost at Open on a server: the grants' check (and, once per
// schema, the grants), the role's look-up.
func BenchmarkOpenAsOwner(b *testing.B) { benchmarkOpen(b, "") }
func BenchmarkOpenAsClerk(b *testing.B) { benchmarkOpen(b, data.RoleClerk) }

func benchmarkOpen(b *testing.B, role data.Role) {
	if !datatest.OnServer() {
		b.Skip("roles are the server's")
	}
	admin := mustOpen(b)
	dsn := admin.Path()
	if role != "" {
		u, _ := url.Parse(dsn)
		u.User = url.User(mustUser(b, admin, role).Actor())
		dsn = u.String()
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := data.Open(dsn)
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}

func BenchmarkApplyGrants(b *testing.B) {
	if !datatest.OnServer() {
		b.Skip("grants are the server's")
	}
	st := mustOpen(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := st.ApplyGrants(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}
