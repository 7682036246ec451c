package data

import (
	"encoding/json"
	"testing"
	"time"
)

// A new child's audit JSON made before its insert, with the id put in
// after, is the bytes auditJSON makes of the saved child.
func TestWithIDIsAuditJSON(t *testing.T) {
	c := Child{IIN: "100301600127", Surname: "Әлиева <Айгүл> & «Ко»", Name: "Дана", Notes: "a\"b\\c\n</script>",
		BirthDate: time.Date(2010, 3, 1, 0, 0, 0, 0, time.UTC), Sex: Female, Version: 1, ChangedBy: "clerk",
		Categories: []ChildCategory{{Code: CatLowIncome, DocNumber: "№ 5"}}}
	j, err := json.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{1, 9, 10, 123456789, 1 << 40} {
		c.ID = id
		got, err := withID(j, &c)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := auditJSON(&c)
		if got != want {
			t.Fatalf("id %d:\n got %s\nwant %s", id, got, want)
		}
	}
}
