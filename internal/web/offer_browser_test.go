package web_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/offerloop/offerloop/internal/web"
)

// TestBrowserOffers saves the example the empty page starts from, as a user
// would, and checks that the comparison comes back with its charts and that
// the email's Copy button appears with JavaScript.
func TestBrowserOffers(t *testing.T) {
	ctx := browser(t)
	e := newEnv(t, web.Config{})
	ts := httptest.NewServer(e.srv)
	t.Cleanup(ts.Close)
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, chromedp.Navigate(ts.URL+"/offers"), chromedp.WaitVisible(chromedp.CSS(`#offers-yaml`))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(sctx, chromedp.Click(chromedp.CSS(`#editor button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`.offer-cards`))); err != nil {
		t.Fatalf("saving the example: %v", err)
	}
	got, err := chromedp.Run(sctx, chromedp.Evaluate[[]string](`[
		document.querySelectorAll('svg.offer-bars').length + ' charts',
		document.querySelector('.notice') ? document.querySelector('.notice').textContent : '',
		[...document.querySelectorAll('.offer-card h2')].map(h => h.textContent).join(', '),
		String(document.querySelector('[data-copy^="email-"]') && !document.querySelector('[data-copy^="email-"]').hidden),
	]`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"4 charts", "Offers saved.", "Northwind AI, Tessellate", "true"}
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Errorf("after saving the example: got %q, want %q", got, want)
			break
		}
	}
	saved := e.setting("offers_yaml")
	if !strings.Contains(saved, "# Your offers, one entry each") || !strings.Contains(saved, "name: Tessellate") {
		t.Errorf("the saved file is not the example as shown:\n%s", saved)
	}
}
