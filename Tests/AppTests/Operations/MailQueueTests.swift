import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Mail
import SQLKit
import Testing

@testable import App

/// The mail queue against a real SMTP server (aiosmtpd): messages in the recipient's language,
/// queued in the event's transaction, held while the server is down and delivered once it is back,
/// never sent twice by two instances or after a restart.
@Suite(.enabled(if: SMTPServer.available), .timeLimit(.minutes(2)))
struct MailQueueTests {
    @Test func membership_receivedApprovedRejected_inTheApplicantsLanguage() async throws {
        let server = try await SMTPServer.start()
        defer { server.stop() }
        let settings = try OpsTest.mailSettings(port: server.port)
        try await TestApp.run(configure: OpsTest.mailOn(settings)) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let applicant = Browser(client)
            try await applicant.get("/membership/apply?lang=zh")
            #expect(try await applicant.post("/membership/apply", MembershipFlowTests.validApplication).status == .seeOther)
            let received = try await server.waitFor(1)
            try #require(received.count == 1)
            #expect(received[0].rcptTos == ["gil@example.org"])
            #expect(received[0].message.subject == "我们已收到Gamma City Government的会员申请")
            #expect(received[0].message.text?.contains("\(OpsTest.publicURL)/membership/status/") == true)

            let secretariat = Browser(client)
            _ = try await secretariat.signIn(fixtures.secretariat.email)
            let application = try #require(try await MembershipApplication.query(on: harness.db).first())
            let id = try application.requireID()
            try await secretariat.get("/secretariat/applications/\(id)")
            let approved = try await secretariat.post("/secretariat/applications/\(id)/approve", [("note", "Welcome")])
            #expect(approved.contains("A message with this link was sent to gil@example.org."))
            let messages = try await server.waitFor(2)
            try #require(messages.count == 2)
            #expect(messages[1].message.subject == "Gamma City Government已成为平台会员")
            let text = try #require(messages[1].message.text)
            #expect(text.hasPrefix("Gil Gamma，您好："))
            let link = try #require(Page.firstMatch(#"(https://lcc\.example\.org/account/setup/[A-Za-z0-9_-]+)"#, in: text))
            #expect(messages[1].message.html?.contains(#"<a href="\#(link)">设置密码</a>"#) == true)
            #expect(try await Browser(client).get(String(link.dropFirst(OpsTest.publicURL.count))).status == .ok)
            // Once sent, the one-time link is no longer in the queue (nor in the next backup).
            let rows = try await OpsTest.waitForQueue(harness.db) { $0.count == 2 && $0.allSatisfy { $0.status == "sent" } }
            #expect(rows.first { $0.kind == ApplicationApproved.kind }?.textBody == "")
            #expect(rows.first { $0.kind == ApplicationReceived.kind }?.textBody.isEmpty == false)

            // A second application, rejected with a reason, in Korean.
            let other = Browser(client)
            try await other.get("/membership/apply?lang=ko")
            var form = MembershipFlowTests.validApplication.filter { $0.0 != "contact_email" && $0.0 != "organisation_name" }
            form += [("contact_email", "other@example.org"), ("organisation_name", "Delta Institute")]
            #expect(try await other.post("/membership/apply", form).status == .seeOther)
            let second = try #require(
                try await MembershipApplication.query(on: harness.db).filter(\.$contactEmail == "other@example.org").first())
            try await secretariat.get("/secretariat/applications/\(try second.requireID())")
            let rejected = try await secretariat.post(
                "/secretariat/applications/\(try second.requireID())/reject", [("reason", "Not yet working with a city.")])
            #expect(rejected.status == .seeOther)
            let all = try await server.waitFor(4)
            try #require(all.count == 4)
            #expect(all[3].message.subject == "Delta Institute의 회원 신청에 관하여")
            #expect(all[3].message.text?.contains("> Not yet working with a city.") == true)
            #expect(all[3].message.html?.contains("<blockquote>Not yet working with a city.</blockquote>") == true)
        }
    }

    @Test func serverDown_theQueueHolds_thenDeliversOnceWhenItIsBack() async throws {
        // A port where nothing listens now, where the server starts later.
        let first = try await SMTPServer.start()
        let (port, directory) = (first.port, first.directory)
        first.stop(keepMessages: true)
        let settings = try OpsTest.mailSettings(port: port)
        try await TestApp.run(configure: OpsTest.mailOn(settings)) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let visitor = Browser(client)
            try await visitor.get("/account/forgot")
            #expect(try await visitor.post("/account/forgot", [("email", fixtures.memberA.email)]).status == .ok)
            let waiting = try await OpsTest.waitForQueue(harness.db) { ($0.first?.attempts ?? 0) >= 2 }
            try #require(waiting.count == 1)
            #expect(waiting[0].status == "queued")
            #expect(waiting[0].lastError?.contains("connect") == true)

            let server = try await SMTPServer.start(port: port, directory: directory)
            defer { server.stop() }
            let received = try await server.waitFor(1)
            #expect(received.count == 1)
            #expect(received.first?.rcptTos == [fixtures.memberA.email])
            let sent = try await OpsTest.waitForQueue(harness.db) { $0.first?.status == "sent" }
            #expect(sent.first?.status == "sent")
            try await Task.sleep(for: .milliseconds(500))
            #expect(try server.received().count == 1, "delivered once")
        }
    }

    @Test func twoInstances_sendEveryMessageOnce() async throws {
        let server = try await SMTPServer.start()
        defer { server.stop() }
        let settings = try OpsTest.mailSettings(port: server.port)
        try await TestApp.run { _, harness in
            let services = try OpsTest.services(harness, configure: OpsTest.mailOn(settings))
            for number in 1...30 {
                try await services.outbox.send(
                    PasswordLink(setupPath: "/account/setup/t\(number)", hours: 2, requested: true),
                    to: MailRecipient(address: "person\(number)@example.org", name: nil, locale: .en, userID: nil), on: harness.db
                )
            }
            let a = try OpsTest.sender(harness, settings, instance: "a")
            let b = try OpsTest.sender(harness, settings, instance: "b")
            while try await OpsTest.queue(harness.db).contains(where: { $0.status == "queued" }) {
                async let fromA = a.deliverDue()
                async let fromB = b.deliverDue()
                _ = try await (fromA, fromB)
            }
            let received = try await server.waitFor(30)
            #expect(received.count == 30)
            #expect(Set(received.compactMap(\.message.messageId)).count == 30)
            #expect(Set(received.flatMap(\.rcptTos)).count == 30)
        }
    }

    @Test func restart_sendsWhatItsPreviousLifeHeld_andNothingAlreadySent() async throws {
        let server = try await SMTPServer.start()
        defer { server.stop() }
        let settings = try OpsTest.mailSettings(port: server.port)
        try await TestApp.run { _, harness in
            let services = try OpsTest.services(harness, configure: OpsTest.mailOn(settings))
            let recipient = MailRecipient(address: "first@example.org", name: "First", locale: .ja, userID: nil)
            try await services.outbox.send(
                ApplicationReceived(organisation: "One", statusPath: "/membership/status/x"), to: recipient, on: harness.db)
            let a = try OpsTest.sender(harness, settings, instance: "a")
            #expect(try await a.deliverDue() == 1)
            // The second message was claimed by "a" when it was killed mid-send.
            try await services.outbox.send(
                ApplicationReceived(organisation: "Two", statusPath: "/membership/status/y"),
                to: MailRecipient(address: "second@example.org", name: nil, locale: .en, userID: nil), on: harness.db)
            try await harness.db.sql().raw(
                "UPDATE mail_messages SET claimed_by = 'a', claimed_until = \(bind: Date().addingTimeInterval(3600)) WHERE status = 'queued'"
            ).run()
            let b = try OpsTest.sender(harness, settings, instance: "b")
            #expect(try await b.deliverDue() == 0, "another instance leaves a live claim alone")
            let restarted = try OpsTest.sender(harness, settings, instance: "a")
            try await restarted.releaseOwnClaims()
            #expect(try await restarted.deliverDue() == 1)
            #expect(try await restarted.deliverDue() == 0)
            let received = try await server.waitFor(2)
            #expect(received.map(\.rcptTos) == [["first@example.org"], ["second@example.org"]])
            #expect(received[0].message.subject == "Oneの会員申請を受け付けました")
        }
    }

    @Test func refusedRecipient_failsWithTheReason_temporaryRefusalIsRetried() async throws {
        let server = try await SMTPServer.start()
        defer { server.stop() }
        var tuned = try OpsTest.mailSettings(port: server.port)
        tuned.maxAttempts = 3
        tuned.retryBase = 0.01
        let settings = tuned
        try await TestApp.run { _, harness in
            let services = try OpsTest.services(harness, configure: OpsTest.mailOn(settings))
            for address in ["refuse@example.org", "later@example.org", "fine@example.org"] {
                try await services.outbox.send(
                    ApplicationReceived(organisation: "X", statusPath: "/membership/status/x"),
                    to: MailRecipient(address: address, name: nil, locale: .en, userID: nil), on: harness.db)
            }
            try await services.outbox.send(
                ApplicationReceived(organisation: "X", statusPath: "/membership/status/x"),
                to: MailRecipient(address: "not an address", name: nil, locale: .en, userID: nil), on: harness.db)
            let sender = try OpsTest.sender(harness, settings, instance: "a")
            for _ in 0..<20 where try await OpsTest.queue(harness.db).contains(where: { $0.status == "queued" }) {
                try await sender.deliverDue()
                try await Task.sleep(for: .milliseconds(30))
            }
            let rows = Dictionary(uniqueKeysWithValues: try await OpsTest.queue(harness.db).map { ($0.recipient, $0) })
            #expect(rows["fine@example.org"]?.status == "sent")
            #expect(rows["refuse@example.org"]?.status == "failed")
            #expect(rows["refuse@example.org"]?.lastError?.contains("550") == true)
            #expect(rows["refuse@example.org"]?.attempts == 1)
            #expect(rows["later@example.org"]?.status == "failed")
            #expect(rows["later@example.org"]?.attempts == 3)
            #expect(rows["later@example.org"]?.lastError?.contains("450") == true)
            #expect(rows["not an address"]?.status == "failed")
            #expect(try server.received().map(\.rcptTos) == [["fine@example.org"]])
        }
    }

    @Test func forgotPassword_sameAnswerForEveryAddress_limited_andTheLinkWorks() async throws {
        let server = try await SMTPServer.start()
        defer { server.stop() }
        let settings = try OpsTest.mailSettings(port: server.port)
        try await TestApp.run(configure: OpsTest.mailOn(settings)) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let visitor = Browser(client)
            try await visitor.get("/account/forgot")
            let known = try await visitor.post("/account/forgot", [("email", "A@Example.org")])
            let unknown = try await visitor.post("/account/forgot", [("email", "nobody@example.org")])
            #expect(known.status == .ok && unknown.status == .ok)
            let notice = "If this address has an account, a link to choose a new password is on its way."
            #expect(known.contains(notice) && unknown.contains(notice))
            let received = try await server.waitFor(1)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try server.received().count == 1)
            #expect(received.first?.rcptTos == [fixtures.memberA.email])
            let text = try #require(received.first?.message.text)
            let link = try #require(Page.firstMatch(#"https://lcc\.example\.org(/account/setup/[A-Za-z0-9_-]+)"#, in: text))
            #expect(text.contains("2 小时内有效"), "Alpha City is Chinese: its people read Chinese unless they choose")
            let member = Browser(client)
            try await member.get(link)
            let set = try await member.post(
                link, [("password", "a brand new password"), ("password_confirmation", "a brand new password")])
            #expect(set.status == .seeOther)
            #expect(
                try await Browser(client).signIn(fixtures.memberA.email, password: "a brand new password").status == .seeOther)

            // Five requests per address in the window, like sign-in attempts; the sixth waits.
            for _ in 0..<4 { _ = try await visitor.post("/account/forgot", [("email", "nobody@example.org")]) }
            let limited = try await visitor.post("/account/forgot", [("email", "nobody@example.org")])
            #expect(limited.status == .tooManyRequests)
        }
    }

    @Test func reminders_onceperPeriod_inTheReadersLanguage_notForThoseWhoTurnedThemOff() async throws {
        let server = try await SMTPServer.start()
        defer { server.stop() }
        let settings = try OpsTest.mailSettings(port: server.port)
        try await TestApp.run(configure: OpsTest.mailOn(settings)) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let second = User(
                email: "a2@example.org", name: "Ahn Alpha", passwordHash: fixtures.memberA.passwordHash, role: .member,
                organisationID: fixtures.alphaOrg.id)
            try await second.create(on: harness.db)
            try await MailPreferences(locale: .ko).save(try second.requireID(), at: Date(), on: harness.db)
            let member = Browser(client)
            _ = try await member.signIn(fixtures.memberA.email)
            try await member.get("/account/mail")
            #expect(try await member.post("/account/mail", [("locale", "en"), ("capacity", "on")]).status == .seeOther)
            #expect(try await member.get("/account/mail?saved=1").contains("Your e-mail settings are saved."))

            let action = MitigationAction()
            action.$city.id = try fixtures.alphaCity.requireID()
            action.titles = ["en": "Bus electrification", "ko": "버스 전기화"]
            action.titleEn = "Bus electrification"
            action.descriptions = [:]
            action.sector = "II"
            action.actionType = "infrastructure"
            action.owner = "Transport bureau"
            action.status = .inProgress
            action.startYear = 2024
            action.funding = ""
            action.reductionMethod = ""
            action.rampUpYears = 0
            action.coBenefits = ""
            action.sdgs = ""
            action.links = ""
            action.updateEveryDays = 30
            try await action.create(on: harness.db)
            let later = Date().addingTimeInterval(40 * 86_400)
            let services = try OpsTest.services(harness, configure: OpsTest.mailOn(settings), now: later)
            #expect(try await ActionReminders.queue(services, now: later) == 1)
            #expect(try await ActionReminders.queue(services, now: later.addingTimeInterval(86_400)) == 0, "once per period")
            // Queued forty days from now: sent by a sender living then.
            try await OpsTest.sender(harness, settings, instance: "later", now: later.addingTimeInterval(86_400)).deliverDue()
            let received = try await server.waitFor(1)
            #expect(received.map(\.rcptTos) == [["a2@example.org"]])
            #expect(received.first?.message.subject == "진행 상황 업데이트 필요: 버스 전기화")
            #expect(received.first?.message.text?.contains("\(OpsTest.publicURL)/account/mail") == true)
            #expect(try await ActionReminders.queue(services, now: later.addingTimeInterval(31 * 86_400)) == 1, "the next period")
            // An update restarts the count: the first period after it reminds again (its own key).
            action.lastUpdateOn = later.addingTimeInterval(40 * 86_400)
            try await action.save(on: harness.db)
            #expect(try await ActionReminders.queue(services, now: later.addingTimeInterval(60 * 86_400)) == 0, "20 days after")
            #expect(try await ActionReminders.queue(services, now: later.addingTimeInterval(71 * 86_400)) == 1, "31 days after")
        }
    }

    @Test func capacityMatch_reachesTheRequestingCitysPeople() async throws {
        let server = try await SMTPServer.start()
        defer { server.stop() }
        let settings = try OpsTest.mailSettings(port: server.port)
        try await TestApp.run(configure: OpsTest.mailOn(settings)) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            _ = try await member.signIn(fixtures.memberA.email)
            try await member.get("/capacity/requests/new")
            let created = try await member.post(
                "/capacity/requests/new",
                [
                    ("title", "Cleaner buses"), ("description", "Replace diesel buses."), ("topics", "sector_II"),
                    ("languages", "zh"),
                    ("formats", "study_tour"), ("timing", "2025"), ("baseline", "1,200 buses"),
                ])
            let path = try #require(created.location)
            let secretariat = Browser(client)
            _ = try await secretariat.signIn(fixtures.secretariat.email)
            try await secretariat.get(path)
            #expect(
                try await secretariat.post("\(path)/match", [("peer", try fixtures.betaCity.requireID().uuidString)]).status
                    == .seeOther)
            let received = try await server.waitFor(1)
            #expect(received.map(\.rcptTos) == [[fixtures.memberA.email]])
            // Alpha City is Chinese: without a choice of their own, its people read Chinese.
            #expect(received.first?.message.subject == "能力建设匹配：Cleaner buses")
            #expect(received.first?.message.text?.contains("同伴城市Beta City") == true)
        }
    }
}

/// Without `LCC_SMTP_URL` nothing is queued and the secretariat is told mail is off.
@Suite struct MailOffTests {
    @Test func mailOff_queuesNothing_andTheSecretariatPassesLinksOn() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let applicant = Browser(client)
            try await applicant.get("/membership/apply")
            _ = try await applicant.post("/membership/apply", MembershipFlowTests.validApplication)
            let secretariat = Browser(client)
            _ = try await secretariat.signIn(fixtures.secretariat.email)
            let id = try #require(try await MembershipApplication.query(on: harness.db).first()?.requireID())
            try await secretariat.get("/secretariat/applications/\(id)")
            let approved = try await secretariat.post("/secretariat/applications/\(id)/approve", [("note", "")])
            #expect(approved.contains("E-mail is off on this platform: pass this link on to gil@example.org yourself."))
            #expect(try await secretariat.get("/secretariat/mail").contains("Mail is off (no LCC_SMTP_URL)"))
            #expect(try await OpsTest.queue(harness.db).isEmpty)
            let forgot = try await Browser(client).get("/account/forgot")
            #expect(forgot.contains("This platform does not send e-mail."))
        }
    }
}
