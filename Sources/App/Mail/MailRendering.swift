import Foundation

/// A message's plain text and HTML from its blocks, with the greeting and the footer every message
/// carries (who sent it, and for optional messages where to turn them off). The HTML goes through
/// the site's builder, so every value is escaped.
enum MailRendering {
    static func render(_ content: MailContent, greeting name: String?, topic: MailTopic?, t: Translator, links: MailLinks) -> (
        text: String, html: String
    ) {
        let hello = name.map { t("mail.greeting", ["name": $0]) } ?? t("mail.greeting_anonymous")
        var footer = [t("mail.footer", ["site": t("site.name")])]
        if topic != nil { footer.append(t("mail.footer.optional", ["url": links.absolute(Paths.mailPreferences)])) }

        var text = [hello]
        for block in content.blocks {
            switch block {
            case .text(let paragraph): text.append(paragraph)
            case .link(let label, let url): text.append("\(label):\n\(url)")
            case .quote(let words):
                text.append(
                    words.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n"))
            }
        }
        text.append("-- \n" + footer.joined(separator: "\n"))

        let html = Node.element(
            "html", [.lang(t.locale.htmlTag)],
            [
                .element("head", [], [meta(.custom("charset", "utf-8")), .element("title", [], [.text(content.subject)])]),
                .element(
                    "body", [],
                    [para { hello }]
                        + content.blocks.map { block in
                            switch block {
                            case .text(let paragraph): para { paragraph }
                            case .link(let label, let url): para { link(.href(url)) { label } }
                            case .quote(let words): .element("blockquote", [], [.text(words)])
                            }
                        }
                        + [.void("hr", []), para(.class("footer")) { footer.joined(separator: " ") }]),
            ]
        ).render()
        return (text.joined(separator: "\n\n"), "<!doctype html>" + html)
    }
}
