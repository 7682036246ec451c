package data_test

import (
	"testing"

	"github.com/mektepkezhol/app/data"
)

func TestFormatPhone(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"7012345678", "+7 701 234 56 78"},
		{"87012345678", "+7 701 234 56 78"},
		{"+7 (701) 234-56-78", "+7 701 234 56 78"},
		{" 77212343413 ", "+7 721 234 34 13"},
		{"343413", "343413"},
		{"8 701 234 56 78, 343413", "8 701 234 56 78, 343413"},
		{"", ""},
	} {
		if got := data.FormatPhone(tt.in); got != tt.want {
			t.Errorf("FormatPhone(%q)=%q, want %q", tt.in, got, tt.want)
		}
	}
}
