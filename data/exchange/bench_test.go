package exchange_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/mektepkezhol/app/data/exchange"
)

// BenchmarkImport10000 parses, validates and commits a 10,000-row xlsx
// list into a database holding its schools; the issue asks ≤ 3 s.
func BenchmarkImport10000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "10000.xlsx")
	rows := [][]any{{"«Мектепке жол» 2019"}, {"№", "ЖСН", "Тегі", "Аты", "Әкесінің аты", "Туған күні", "Мектеп №",
		"Сынып", "Санаты", "Ата-анасының телефоны", "Мекенжайы"}}
	for i := 0; i < 10000; i++ {
		rows = append(rows, []any{i + 1, iin(b, i), fmt.Sprintf("Тегі%d", i), "Аты", "Әкесінің аты",
			fmt.Sprintf("%02d.%02d.%d", 1+i%28, 1+i%12, 2007+i%6), 7 + 5*(i%2), fmt.Sprintf("%d-а", 1+i%11),
			"аз қамтылған; көп балалы", "8701" + fmt.Sprintf("%07d", i), "Қарағанды қ."})
	}
	rows = append(rows, []any{"Барлығы", 10000})
	writeXLSX(b, path, rows, nil)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		st := mustOpen(b)
		b.StartTimer()
		sh, err := exchange.Parse(path, exchange.ParseOptions{Kind: exchange.Children})
		if err != nil {
			b.Fatal(err)
		}
		plan, err := exchange.Preview(ctx, st, sh, exchange.AutoMap(exchange.Children, sh), exchange.Options{Kind: exchange.Children})
		if err != nil {
			b.Fatal(err)
		}
		sum, err := exchange.Commit(ctx, st, plan, nil)
		if err != nil {
			b.Fatal(err)
		}
		if sum.Imported != 10000 {
			b.Fatalf("imported %+v", sum)
		}
	}
}
