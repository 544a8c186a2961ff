package lazy

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestValueComputesOnce(t *testing.T) {
	var calls atomic.Int32
	v := Value[int]{F: func() int { calls.Add(1); return 42 }}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := v.Get(); got != 42 {
				t.Errorf("Get() = %d, want 42", got)
			}
		})
	}
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("F ran %d times, want 1", n)
	}
}

func TestErrorsAreDistinct(t *testing.T) {
	a, b := error(&Error{"same"}), error(&Error{"same"})
	if errors.Is(a, b) || a.Error() != "same" {
		t.Errorf("errors.Is(a, b) = %v, a.Error() = %q; want two distinct errors saying %q", errors.Is(a, b), a.Error(), "same")
	}
}

func BenchmarkGet(b *testing.B) {
	v := Value[int]{F: func() int { return 1 }}
	b.ReportAllocs()
	for b.Loop() {
		v.Get()
	}
}
