package web

import "testing"

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain text.", "<p>Plain text.</p>\n"},
		{"One\ntwo\n\nThree", "<p>One<br>\ntwo</p>\n<p>Three</p>\n"},
		{"**Bold** and *it* and `x < y`", "<p><strong>Bold</strong> and <em>it</em> and <code>x &lt; y</code></p>\n"},
		{"- a\n- **b**\n\n1. one\n2. two", "<ul>\n<li>a</li>\n<li><strong>b</strong></li>\n</ul>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n"},
		{"Intro:\n- a\n  continued\nAfter", "<p>Intro:</p>\n<ul>\n<li>a<br>continued</li>\n</ul>\n<p>After</p>\n"},
		{"## Heading\ntext", "<h4>Heading</h4>\n<p>text</p>\n"},
		{"<script>alert('x')</script> & \"q\"", "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;q&#34;</p>\n"},
		{"2 * 3 * 4 and a ** b", "<p>2 * 3 * 4 and a ** b</p>\n"},
		{"unclosed **bold and `code", "<p>unclosed **bold and `code</p>\n"},
		{"snake_case_name and _em_", "<p>snake_case_name and <em>em</em></p>\n"},
		{"**`code` in bold**", "<p><strong><code>code</code> in bold</strong></p>\n"},
		{`\*not em\*`, "<p>*not em*</p>\n"},
		{"Text:\n```\nm_t = b1 * m + (1 - b1) * g   # <x>\n\n  indented\n```\nAfter **b**", "<p>Text:</p>\n<pre><code>m_t = b1 * m + (1 - b1) * g   # &lt;x&gt;\n\n  indented</code></pre>\n<p>After <strong>b</strong></p>\n"},
		{"- item\n```python\nx = 1\n```", "<ul>\n<li>item</li>\n</ul>\n<pre><code>x = 1</code></pre>\n"},
		{"  ```\n  a\n    b\n  ```", "<pre><code>a\n  b</code></pre>\n"},
		{"```\nnever closed *x*", "<pre><code>never closed *x*</code></pre>\n"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(markdown(tt.in)); got != tt.want {
			t.Errorf("markdown(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func FuzzMarkdown(f *testing.F) {
	f.Add("**a** *b* `c` <d>\n- e\n1. f")
	f.Fuzz(func(t *testing.T, s string) {
		out := string(markdown(s))
		// Whatever the input, the only tags are the renderer's own.
		for i := 0; i < len(out); i++ {
			if out[i] != '<' {
				continue
			}
			ok := false
			for _, tag := range []string{"p>", "/p>", "br>", "ul>", "/ul>", "ol>", "/ol>", "li>", "/li>", "strong>", "/strong>",
				"em>", "/em>", "code>", "/code>", "h3>", "/h3>", "h4>", "/h4>", "h5>", "/h5>", "pre>", "/pre>"} {
				if len(out) >= i+1+len(tag) && out[i+1:i+1+len(tag)] == tag {
					ok = true
					break
				}
			}
			if !ok {
				t.Fatalf("markdown(%q) = %q: stray tag at %d", s, out, i)
			}
		}
	})
}
