package report

import (
	"testing"
	"time"
)

func TestFormats(t *testing.T) {
	day := time.Date(2019, 9, 30, 0, 0, 0, 0, time.UTC)
	tests := []struct{ name, got, want string }{
		{"number", Number(1250000), "1\u00a0250\u00a0000"},
		{"small", Number(999), "999"},
		{"negative", Number(-4500), "-4\u00a0500"},
		{"tenge", Tenge(150000), "150\u00a0000\u00a0₸"},
		{"short date", ShortDate(day), "30.09.2019"},
		{"kk date", LongDate(day, "kk"), "2019 жылғы 30 қыркүйек"},
		{"ru date", LongDate(day, "ru"), "30 сентября 2019 г."},
		{"percent", Percent(1, 8), "12,5\u00a0%"},
		{"no whole", Percent(1, 0), "—"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Fatalf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}
