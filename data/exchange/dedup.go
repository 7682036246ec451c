package exchange

import (
	"fmt"
	"slices"

	"github.com/mektepkezhol/app/data"
)

// dedup finds rows that repeat an earlier row of the file: the same IIN
// for children; the same BIN, or the same name where one has no BIN, for
// sponsors.
type dedup struct {
	byKey  map[string]int
	byName map[string]nameSeen
}

type nameSeen struct {
	row int
	bin string
}

func newDedup() *dedup { return &dedup{byKey: map[string]int{}, byName: map[string]nameSeen{}} }

// child returns the earlier row with c's IIN, or 0 after noting c's row.
func (d *dedup) child(c data.Child, row int) int {
	if c.IIN == "" {
		return 0
	}
	if first, ok := d.byKey[string(c.IIN)]; ok {
		return first
	}
	d.byKey[string(c.IIN)] = row
	return 0
}

// sponsor returns the earlier row with the same sponsor and the same
// donation (day, amount and items), or 0 after noting the row: a sponsor
// listed again with another donation, on another day, is no repeat.
func (d *dedup) sponsor(sp data.Sponsor, don *data.Donation, row int) int {
	name := data.NormalizeSponsorName(sp.Name)
	if don != nil {
		suffix := fmt.Sprintf("|%d|%s|%d|%v", don.CampaignID, don.DonatedOn.Format("2006-01-02"), don.MoneyTenge,
			giftKey(don.Items))
		name += suffix
		if sp.BIN != "" {
			sp.BIN += suffix
		}
	}
	if sp.BIN != "" {
		if first, ok := d.byKey[sp.BIN]; ok {
			return first
		}
	}
	if prev, ok := d.byName[name]; ok && name != "" && (prev.bin == "" || sp.BIN == "" || prev.bin == sp.BIN) {
		return prev.row
	}
	if sp.BIN != "" {
		d.byKey[sp.BIN] = row
	}
	if _, ok := d.byName[name]; !ok && name != "" {
		d.byName[name] = nameSeen{row, sp.BIN}
	}
	return 0
}

// forget drops a rejected row: a later row with its key is not its repeat.
func (d *dedup) forget(row int) {
	for k, r := range d.byKey {
		if r == row {
			delete(d.byKey, k)
		}
	}
	for k, n := range d.byName {
		if n.row == row {
			delete(d.byName, k)
		}
	}
}

// giftKey lists a gift's items and quantities in item order, to tell one
// gift from another.
func giftKey(items []data.DonationItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = fmt.Sprintf("%d:%d", it.ItemID, it.Quantity)
	}
	slices.Sort(out)
	return out
}
