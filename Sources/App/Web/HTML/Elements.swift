// Element functions for the builder. Names follow the HTML tags; `mainElement` avoids `main`.

private func element(_ name: String, _ attributes: [Attribute], _ content: () -> [Node]) -> Node {
    .element(name, attributes, content())
}

func div(_ a: Attribute..., @HTMLBuilder content c: () -> [Node] = { [] }) -> Node { element("div", a, c) }
func span(_ a: Attribute..., @HTMLBuilder content c: () -> [Node] = { [] }) -> Node { element("span", a, c) }
func para(_ a: Attribute..., @HTMLBuilder content c: () -> [Node] = { [] }) -> Node { element("p", a, c) }
func h1(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("h1", a, c) }
func h2(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("h2", a, c) }
func h3(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("h3", a, c) }
func link(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("a", a, c) }
func ul(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("ul", a, c) }
func ol(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("ol", a, c) }
func mark(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("mark", a, c) }
func li(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("li", a, c) }
func dl(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("dl", a, c) }
func dt(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("dt", a, c) }
func dd(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("dd", a, c) }
func table(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("table", a, c) }
func caption(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("caption", a, c) }
func tfoot(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("tfoot", a, c) }
func thead(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("thead", a, c) }
func tbody(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("tbody", a, c) }
func tr(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("tr", a, c) }
func th(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("th", a, c) }
func td(_ a: Attribute..., @HTMLBuilder content c: () -> [Node] = { [] }) -> Node { element("td", a, c) }
func form(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("form", a, c) }
func fieldset(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("fieldset", a, c) }
func legend(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("legend", a, c) }
func label(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("label", a, c) }
func select(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("select", a, c) }
func option(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("option", a, c) }
func textarea(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("textarea", a, c) }
func button(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("button", a, c) }
func nav(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("nav", a, c) }
func header(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("header", a, c) }
func footer(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("footer", a, c) }
func mainElement(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("main", a, c) }
func section(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("section", a, c) }
func article(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("article", a, c) }
func h4(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("h4", a, c) }
func strong(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("strong", a, c) }
func em(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("em", a, c) }
func small(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("small", a, c) }
func code(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("code", a, c) }
func details(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("details", a, c) }
func summary(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("summary", a, c) }
func pre(_ a: Attribute..., @HTMLBuilder content c: () -> [Node]) -> Node { element("pre", a, c) }
func input(_ a: Attribute...) -> Node { .void("input", a) }
func br() -> Node { .void("br", []) }
func meta(_ a: Attribute...) -> Node { .void("meta", a) }
func linkTag(_ a: Attribute...) -> Node { .void("link", a) }
