package pack

import "testing"

func BenchmarkLoad(b *testing.B) {
	src := Source{FS: memCopy(b, "testdata/valid"), Name: Embedded}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadOverlay(b *testing.B) {
	base := Source{FS: memCopy(b, "testdata/valid"), Name: Embedded}
	over := Source{FS: memCopy(b, "testdata/overlay"), Name: "overlay"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(base, over); err != nil {
			b.Fatal(err)
		}
	}
}
