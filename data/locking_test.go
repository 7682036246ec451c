package data_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// twoClerks opens one database twice, as two clerks' apps do: Айгерім's
// store saves at 10:41, Болат's at 11:05. On a server they are two clerks'
// logins, and the server's clock stamps their changes.
func twoClerks(t *testing.T) (aigerim, bolat *data.Store) {
	t.Helper()
	dsn := datatest.DSN(t)
	if datatest.OnServer() {
		admin, err := data.Open(dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { admin.Close() })
		admin.Now = time.Now
		return mustUser(t, admin, data.RoleAdmin), mustUser(t, admin, data.RoleAdmin)
	}
	open := func(name string, at time.Time) *data.Store {
		st, err := data.Open(dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		st.SetClerk(name)
		st.Now = func() time.Time { return at }
		return st
	}
	return open("aigerim", time.Date(2019, 8, 20, 10, 41, 0, 0, time.UTC)),
		open("bolat", time.Date(2019, 8, 20, 11, 5, 0, 0, time.UTC))
}

// record is one kind of versioned row, as a clerk's form handles it.
type record[T any] struct {
	table  string
	create func(st *data.Store, ctx context.Context) (int64, error)
	load   func(st *data.Store, ctx context.Context, id int64) (T, error)
	update func(st *data.Store, ctx context.Context, r *T) error
	set    func(r *T, text string) // the clerk's change
	get    func(r T) string
	rev    func(r T) (version int64, by string, at time.Time)
}

func sponsorRecord() record[data.Sponsor] {
	return record[data.Sponsor]{
		table: "sponsors",
		create: func(st *data.Store, ctx context.Context) (int64, error) {
			sp := data.Sponsor{Kind: data.SponsorLegal, Name: "ЖШС «Қарағанды Нан»", BIN: "180440012349"}
			err := st.CreateSponsor(ctx, &sp)
			return sp.ID, err
		},
		load:   (*data.Store).FindSponsorByID,
		update: (*data.Store).UpdateSponsor,
		set:    func(sp *data.Sponsor, s string) { sp.Notes = s },
		get:    func(sp data.Sponsor) string { return sp.Notes },
		rev:    func(sp data.Sponsor) (int64, string, time.Time) { return sp.Version, sp.ChangedBy, sp.ChangedAt },
	}
}

func childRecord() record[data.Child] {
	return record[data.Child]{
		table: "children",
		create: func(st *data.Store, ctx context.Context) (int64, error) {
			c := newChild("061211600012", 0)
			err := st.CreateChild(ctx, &c)
			return c.ID, err
		},
		load:   (*data.Store).FindChildByID,
		update: (*data.Store).UpdateChild,
		set:    func(c *data.Child, s string) { c.GuardianPhone = s },
		get:    func(c data.Child) string { return c.GuardianPhone },
		rev:    func(c data.Child) (int64, string, time.Time) { return c.Version, c.ChangedBy, c.ChangedAt },
	}
}

func mustCampaign(ctx context.Context, st *data.Store) (int64, error) {
	c := data.Campaign{Year: 2019, NameKK: "Мектепке жол – 2019", StartsOn: data.Date(2019, 7, 1), EndsOn: data.Date(2019, 9, 30)}
	err := st.CreateCampaign(ctx, &c)
	return c.ID, err
}

func donationRecord() record[data.Donation] {
	return record[data.Donation]{
		table: "donations",
		create: func(st *data.Store, ctx context.Context) (int64, error) {
			campaign, err := mustCampaign(ctx, st)
			if err != nil {
				return 0, err
			}
			sp := data.Sponsor{Kind: data.SponsorIndividual, Name: "Сәуле Омарова"}
			if err := st.CreateSponsor(ctx, &sp); err != nil {
				return 0, err
			}
			d := data.Donation{SponsorID: sp.ID, CampaignID: campaign, DonatedOn: data.Date(2019, 8, 2), MoneyTenge: 50000}
			err = st.CreateDonation(ctx, &d)
			return d.ID, err
		},
		load:   (*data.Store).FindDonationByID,
		update: (*data.Store).UpdateDonation,
		set:    func(d *data.Donation, s string) { d.Notes = s },
		get:    func(d data.Donation) string { return d.Notes },
		rev:    func(d data.Donation) (int64, string, time.Time) { return d.Version, d.ChangedBy, d.ChangedAt },
	}
}

func appealRecord() record[data.Appeal] {
	return record[data.Appeal]{
		table: "appeals",
		create: func(st *data.Store, ctx context.Context) (int64, error) {
			campaign, err := mustCampaign(ctx, st)
			if err != nil {
				return 0, err
			}
			a := data.Appeal{CampaignID: campaign, ReceivedAt: time.Date(2019, 8, 1, 9, 30, 0, 0, time.UTC),
				Channel: data.ChannelHotline, Subject: "Мектеп формасы керек"}
			err = st.CreateAppeal(ctx, &a)
			return a.ID, err
		},
		load:   (*data.Store).FindAppealByID,
		update: (*data.Store).UpdateAppeal,
		set:    func(a *data.Appeal, s string) { a.AssignedTo = s },
		get:    func(a data.Appeal) string { return a.AssignedTo },
		rev:    func(a data.Appeal) (int64, string, time.Time) { return a.Version, a.ChangedBy, a.ChangedAt },
	}
}

func TestSecondClerksSaveIsRefused(t *testing.T) {
	t.Run("sponsor", func(t *testing.T) { secondSaveRefused(t, sponsorRecord()) })
	t.Run("child", func(t *testing.T) { secondSaveRefused(t, childRecord()) })
	t.Run("donation", func(t *testing.T) { secondSaveRefused(t, donationRecord()) })
	t.Run("appeal", func(t *testing.T) { secondSaveRefused(t, appealRecord()) })
}

// secondSaveRefused: both clerks open the record, Айгерім saves first;
// Болат's save is refused naming her, her change stays, and Болат's save
// goes through once he reloads.
func secondSaveRefused[T any](t *testing.T, r record[T]) {
	ctx := context.Background()
	st1, st2 := twoClerks(t)
	id, err := r.create(st1, ctx)
	if err != nil {
		t.Fatal(err)
	}
	mine, err := r.load(st1, ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := r.load(st2, ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if v, by, _ := r.rev(theirs); v != 1 || by != st1.Actor() {
		t.Fatalf("new %s: version %d by %q, want 1 by %q", r.table, v, by, st1.Actor())
	}

	r.set(&mine, "Айгерім")
	if err := r.update(st1, ctx, &mine); err != nil {
		t.Fatal(err)
	}
	if v, by, at := r.rev(mine); v != 2 || by != st1.Actor() || !stampedNow(st1, at) {
		t.Fatalf("after the first save: version %d by %q at %v, want 2 by %q at %v", v, by, at, st1.Actor(), st1.Now())
	}

	r.set(&theirs, "Болат")
	err = r.update(st2, ctx, &theirs)
	var se *data.StaleError
	if !errors.As(err, &se) || !errors.Is(err, data.ErrStale) {
		t.Fatalf("second save: %v, want a StaleError", err)
	}
	if se.Table != r.table || se.ID != id || se.By != st1.Actor() || !stampedNow(st1, se.At) {
		t.Fatalf("stale error %+v, want %s #%d by %q at %v", se, r.table, id, st1.Actor(), st1.Now())
	}
	if !strings.Contains(se.Error(), st1.Actor()) {
		t.Fatalf("message %q does not name %q", se.Error(), st1.Actor())
	}
	if v, _, _ := r.rev(theirs); v != 1 {
		t.Fatalf("a refused save changed the caller's version to %d", v)
	}

	now, err := r.load(st2, ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.get(now), "Айгерім"; got != want {
		t.Fatalf("saved %q, want the first clerk's %q (lost update)", got, want)
	}
	r.set(&now, "Болат")
	if err := r.update(st2, ctx, &now); err != nil {
		t.Fatalf("save after reloading: %v", err)
	}
	final, err := r.load(st1, ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	v, by, at := r.rev(final)
	if r.get(final) != "Болат" || v != 3 || by != st2.Actor() || !stampedNow(st2, at) {
		t.Fatalf("final %q version %d by %q at %v, want Болат's, 3, %q, %v", r.get(final), v, by, at, st2.Actor(), st2.Now())
	}
}

func TestUpdateOfDeletedSponsorIsNotFound(t *testing.T) {
	ctx := context.Background()
	st1, st2 := twoClerks(t)
	sp := data.Sponsor{Kind: data.SponsorIndividual, Name: "Ерлан Сейітов"}
	if err := st1.CreateSponsor(ctx, &sp); err != nil {
		t.Fatal(err)
	}
	if err := st2.DeleteSponsor(ctx, sp.ID); err != nil {
		t.Fatal(err)
	}
	sp.Phone = "+7 701 000 00 00"
	err := st1.UpdateSponsor(ctx, &sp)
	if !errors.Is(err, data.ErrNotFound) || errors.Is(err, data.ErrStale) {
		t.Fatalf("update of a deleted sponsor: %v, want ErrNotFound", err)
	}
}

// TestImportMakesOpenFormStale: an accountant's list merged into a sponsor
// is a new version; a clerk still holding the old one cannot overwrite it.
func TestImportMakesOpenFormStale(t *testing.T) {
	ctx := context.Background()
	st1, st2 := twoClerks(t)
	sp := data.Sponsor{Kind: data.SponsorLegal, Name: "ЖШС «Қарағанды Нан»", BIN: "180440012349"}
	if err := st2.CreateSponsor(ctx, &sp); err != nil {
		t.Fatal(err)
	}
	in := data.Sponsor{Kind: data.SponsorLegal, Name: "Қарағанды Нан", BIN: sp.BIN, Phone: "+7 721 250 00 00"}
	if _, err := st1.ImportSponsors(ctx, []data.SponsorImport{{Sponsor: in}}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	sp.Notes = "Болат's note"
	var se *data.StaleError
	if err := st2.UpdateSponsor(ctx, &sp); !errors.As(err, &se) || se.By != st1.Actor() {
		t.Fatalf("save over an import: %v, want a StaleError by %q", err, st1.Actor())
	}
	got, err := st2.FindSponsorByID(ctx, sp.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Phone != in.Phone || got.Version != 2 || got.Notes != "" {
		t.Fatalf("after the import: phone %q version %d notes %q, want %q, 2, none", got.Phone, got.Version, got.Notes, in.Phone)
	}
}

// TestNoLostUpdateUnderContention: clerks on two apps append their marks
// to one sponsor's notes at once, each reloading when refused; every save
// raises the version by one and no mark is lost.
func TestNoLostUpdateUnderContention(t *testing.T) {
	ctx := context.Background()
	st1, st2 := twoClerks(t)
	sp := data.Sponsor{Kind: data.SponsorIndividual, Name: "Гүлнар Ахметова"}
	if err := st1.CreateSponsor(ctx, &sp); err != nil {
		t.Fatal(err)
	}
	const workers, each = 6, 4
	var saves, refused atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		st := st1
		if w%2 == 1 {
			st = st2
		}
		wg.Add(1)
		go func(w int, st *data.Store) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				if err := appendMark(ctx, st, sp.ID, fmt.Sprintf("[%d.%d]", w, i), &refused); err != nil {
					errs <- err
					return
				}
				saves.Add(1)
			}
		}(w, st)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got, err := st2.FindSponsorByID(ctx, sp.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := got.Version, 1+saves.Load(); got != want {
		t.Fatalf("version=%d, want %d (1 + saves)", got, want)
	}
	if got, want := saves.Load(), int64(workers*each); got != want {
		t.Fatalf("saves=%d, want %d", got, want)
	}
	for w := 0; w < workers; w++ {
		for i := 0; i < each; i++ {
			if mark := fmt.Sprintf("[%d.%d]", w, i); strings.Count(got.Notes, mark) != 1 {
				t.Fatalf("mark %s found %d times in %q, want once", mark, strings.Count(got.Notes, mark), got.Notes)
			}
		}
	}
	t.Logf("%d saves, %d refused as stale and retried", saves.Load(), refused.Load())
}

// appendMark loads the sponsor, appends mark to its notes and saves,
// starting again from a fresh load each time the save is refused.
func appendMark(ctx context.Context, st *data.Store, id int64, mark string, refused *atomic.Int64) error {
	for try := 0; try < 1000; try++ {
		sp, err := st.FindSponsorByID(ctx, id)
		if err != nil {
			return err
		}
		sp.Notes += mark
		err = st.UpdateSponsor(ctx, &sp)
		if !errors.Is(err, data.ErrStale) {
			return err
		}
		refused.Add(1)
	}
	return fmt.Errorf("%s: still stale after 1000 tries", mark)
}

// stampedNow tells whether a change was stamped with the store's time: its
// clock on a SQLite file, the server's (whole seconds, a moment ago) on a
// server.
func stampedNow(st *data.Store, at time.Time) bool {
	if !st.OnServer() {
		return at.Equal(st.Now())
	}
	ago := time.Since(at)
	return ago > -2*time.Second && ago < time.Minute
}
