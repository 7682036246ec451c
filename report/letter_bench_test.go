package report

import (
	"fmt"
	"io"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

// benchLetters makes n kk letters with a contribution and a
// reach line, as a campaign's batch would have.
func benchLetters(n int) []Letter {
	c := data.Campaign{Year: 2019, NameKK: "Мектепке жол – 2019", NameRU: "Дорога в школу – 2019"}
	ls := make([]Letter, n)
	for i := range ls {
		ls[i] = Letter{Number: i + 1, Lang: "kk", IssuedOn: data.Date(2019, time.September, 30), Campaign: c,
			Sponsor: data.Sponsor{Kind: data.SponsorLegal, Name: fmt.Sprintf("«Сапа Құрылыс %d» ЖШС", i),
				HeadName: "Қожахметов Санжар Әділетұлы"},
			Gift: data.GiftTrace{MoneyTenge: int64(10000 * (i + 1)), ItemsGiven: 120, ItemsDelivered: 118,
				Children: 118, Schools: 3, Items: []data.GiftLine{{Item: data.AidItem{NameKK: "Рюкзак",
					NameRU: "Рюкзак", UnitKK: "дана", UnitRU: "шт."}, Quantity: 120}}}}
	}
	return ls
}

func benchSettings() data.Settings {
	st := data.DefaultSettings()
	st.HeadName = "Ж. Қ. Смағұлова"
	return st
}

func benchmarkLetters(b *testing.B, n int, lang string) {
	ls := benchLetters(n)
	for i := range ls {
		ls[i].Lang = lang
	}
	opt := LetterOptions{Settings: benchSettings(), Template: DefaultLetterTemplate()}
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if err := WriteLetters(io.Discard, ls, opt); err != nil {
			b.Fatal(err)
		}
	}
	// On a machine shared with other builds the wall time swings; the
	// process's CPU time per batch (GC included) does much less.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "letters/s")
}

// cpuTime is the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkLetters1000 is the target: 1,000 letters in one PDF.
func BenchmarkLetters1000(b *testing.B) { benchmarkLetters(b, 1000, "kk") }

// BenchmarkLetters1000Both prints the longer bilingual letters.
func BenchmarkLetters1000Both(b *testing.B) { benchmarkLetters(b, 1000, "both") }

// BenchmarkLetters100 and BenchmarkLetters10 show how time and memory
// scale with the batch.
func BenchmarkLetters100(b *testing.B) { benchmarkLetters(b, 100, "kk") }
func BenchmarkLetters10(b *testing.B)  { benchmarkLetters(b, 10, "kk") }

// BenchmarkLettersLiveHeap reports the most heap in use (after a GC, looked
// at every 50 pages) while n letters are written, over the heap in use
// before (which holds the letters themselves): how memory grows with the
// batch.
func BenchmarkLettersLiveHeap(b *testing.B) {
	for _, n := range []int{100, 1000, 3000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			ls := benchLetters(n)
			var peak uint64
			opt := LetterOptions{Settings: benchSettings(), Template: DefaultLetterTemplate(),
				Progress: func(done, total int) {
					if done%50 == 0 || done == total {
						var ms runtime.MemStats
						runtime.GC()
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapAlloc)
					}
				}}
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			for b.Loop() {
				if err := WriteLetters(io.Discard, ls, opt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(peak-before.HeapAlloc)/1e6, "live-MB")
		})
	}
}
