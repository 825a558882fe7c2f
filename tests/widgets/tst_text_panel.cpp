// SPDX-License-Identifier: MIT
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "commands/MoveComponentsCommand.h"
#include "text/DesignTextEdit.h"
#include "text/TextPanel.h"

#include <QLabel>
#include <QTest>
#include <QTextBlock>
#include <QUndoStack>

#include <memory>

using namespace mls;

namespace {

const QString templateFile = QStringLiteral(MLS_SOURCE_DIR "/templates/rag_assistant.mlsketch");

QRectF card(const QPointF &centre)
{
    return {centre.x() - 106, centre.y() - 30, 212, 60};
}

} // namespace

/// The Text dock: typing applies after a pause as one undo step, errors leave the board alone,
/// board edits rewrite the text.
class TestTextPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void showsTheDesign();
    void hiddenPanelWritesTheTextWhenShown();
    void typingALineAddsAComponent();
    void deletingALineDeletesIt();
    void syntaxErrorLeavesTheBoard();
    void unrelatedEditKeepsPositions();
    void boardEditRewritesText();
    void appliesAfterAPause();
    void completesKindsAndFlows();

private:
    std::unique_ptr<Diagram> m_diagram;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<TextPanel> m_panel;
    QString text() const { return m_panel->editor()->toPlainText(); }
    void setText(const QString &t) { m_panel->editor()->setPlainText(t); }
};

void TestTextPanel::init()
{
    ReadResult r = DiagramReader::readFile(templateFile);
    QVERIFY(r.ok());
    m_diagram = std::move(r.diagram);
    m_stack = std::make_unique<QUndoStack>();
    m_panel = std::make_unique<TextPanel>();
    m_panel->setDocument(m_diagram.get(), m_stack.get());
}

void TestTextPanel::cleanup()
{
    m_panel.reset();
    m_stack.reset();
    m_diagram.reset();
}

void TestTextPanel::showsTheDesign()
{
    for (const Component &c : m_diagram->components())
        QVERIFY2(text().contains(QStringLiteral("\n") + c.id + QStringLiteral(": ")),
                 qPrintable(c.id));
}

void TestTextPanel::hiddenPanelWritesTheTextWhenShown()
{
    // A hidden panel holds no text: it writes it when shown, from the board as it is then.
    QVERIFY(!m_panel->isVisible());
    QVERIFY(m_panel->isStale());
    const QString id = m_diagram->components().front().id;
    Component c = m_diagram->components().front();
    c.label = QStringLiteral("Renamed while hidden");
    m_diagram->updateComponent(c);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QVERIFY(!m_panel->isStale());
    // Read the document directly: editor() would bring a stale text up to date itself.
    DesignTextEdit *shown = m_panel->findChild<DesignTextEdit *>();
    QVERIFY(shown->toPlainText().contains(id + QStringLiteral(": ")));
    QVERIFY(shown->toPlainText().contains(QStringLiteral("Renamed while hidden")));
    // Shown, it follows the board at once again.
    c.label = QStringLiteral("Renamed while shown");
    m_diagram->updateComponent(c);
    QTRY_VERIFY(shown->toPlainText().contains(QStringLiteral("Renamed while shown")));
    // Hidden again, it waits; the editor, when asked for, is up to date.
    m_panel->hide();
    c.label = QStringLiteral("Renamed hidden again");
    m_diagram->updateComponent(c);
    QVERIFY(m_panel->isStale());
    QVERIFY(text().contains(QStringLiteral("Renamed hidden again")));
    QVERIFY(!m_panel->isStale());
}

void TestTextPanel::typingALineAddsAComponent()
{
    const int before = int(m_diagram->components().size());
    QTextCursor c(m_panel->editor()->document());
    c.movePosition(QTextCursor::End);
    m_panel->editor()->setTextCursor(c);
    QTest::keyClicks(m_panel->editor(), QStringLiteral("drift: monitoring \"Drift\""));
    QVERIFY(m_panel->applyNow());
    QCOMPARE(int(m_diagram->components().size()), before + 1);
    QCOMPARE(m_stack->count(), 1);
    const Component *added = m_diagram->component(QStringLiteral("drift"));
    QVERIFY(added);
    for (const Component &other : m_diagram->components()) {
        if (other.id != added->id)
            QVERIFY2(!card(other.pos).intersects(card(added->pos)), qPrintable(other.id));
    }
    m_stack->undo();
    QCOMPARE(int(m_diagram->components().size()), before);
}

void TestTextPanel::deletingALineDeletesIt()
{
    // A component with no connection, added first, then its line deleted.
    setText(text() + QStringLiteral("lonely: cache \"Lonely\"\n"));
    QVERIFY(m_panel->applyNow());
    QVERIFY(m_diagram->component(QStringLiteral("lonely")));
    const QByteArray file = DiagramWriter::write(*m_diagram);
    QTextCursor c(m_panel->editor()->document()->findBlockByNumber(
        m_panel->editor()->document()->blockCount() - 2));
    QVERIFY(c.block().text().startsWith(QLatin1String("lonely:")));
    c.select(QTextCursor::BlockUnderCursor);
    c.removeSelectedText();
    QVERIFY(m_panel->applyNow());
    QVERIFY(!m_diagram->component(QStringLiteral("lonely")));
    QCOMPARE(m_stack->count(), 2);
    m_stack->undo(); // one step brings it back exactly
    QCOMPARE(DiagramWriter::write(*m_diagram), file);
}

void TestTextPanel::syntaxErrorLeavesTheBoard()
{
    const QByteArray file = DiagramWriter::write(*m_diagram);
    setText(text() + QStringLiteral("broken: cache \"no end\n"));
    QVERIFY(!m_panel->applyNow());
    QCOMPARE(DiagramWriter::write(*m_diagram), file);
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(m_panel->messages().size(), 1);
    QVERIFY(m_panel->messages().first().contains(QLatin1String("unterminated string")));
    const int badLine = m_panel->editor()->document()->blockCount() - 1;
    QVERIFY(m_panel->editor()->lineErrors().contains(badLine));
    QVERIFY(!m_panel->editor()->extraSelections().isEmpty());
    auto *status = m_panel->findChild<QLabel *>();
    QVERIFY(status && status->isVisibleTo(m_panel.get()));
    // Fixing the line applies it and clears the marks.
    setText(text().replace(QStringLiteral("\"no end"), QStringLiteral("\"fixed\"")));
    QVERIFY(m_panel->applyNow());
    QVERIFY(m_diagram->component(QStringLiteral("broken")));
    QVERIFY(m_panel->editor()->lineErrors().isEmpty());
}

void TestTextPanel::unrelatedEditKeepsPositions()
{
    QHash<QString, QPointF> before;
    for (const Component &c : m_diagram->components())
        before.insert(c.id, c.pos);
    const Component &first = m_diagram->components()[0];
    setText(text().replace(QStringLiteral("budget "), QStringLiteral("budget 1")));
    QVERIFY(m_panel->applyNow());
    setText(text() + QStringLiteral("note ") + first.id + QStringLiteral(" \"checked\"\n"));
    QVERIFY(m_panel->applyNow());
    for (const Component &c : m_diagram->components())
        QCOMPARE(c.pos, before.value(c.id));
}

void TestTextPanel::boardEditRewritesText()
{
    const Component &first = m_diagram->components()[0];
    Component renamed = first;
    renamed.label = QStringLiteral("Board label");
    m_diagram->updateComponent(renamed);
    QTRY_VERIFY(text().contains(QStringLiteral("\"Board label\"")));
    // A move changes no text.
    const QString t = text();
    m_diagram->moveComponent(first.id, first.pos + QPointF(300, 0));
    QTest::qWait(20);
    QCOMPARE(text(), t);
}

void TestTextPanel::appliesAfterAPause()
{
    m_panel->setApplyDelay(50);
    setText(text() + QStringLiteral("later: cache \"Later\"\n"));
    QVERIFY(!m_diagram->component(QStringLiteral("later")));
    QTRY_VERIFY(m_diagram->component(QStringLiteral("later")));
}

void TestTextPanel::completesKindsAndFlows()
{
    DesignTextEdit *e = m_panel->editor();
    QVERIFY(e->completions(QStringLiteral("fs: onl"), 7).contains("online_feature_store"));
    QVERIFY(e->completions(QStringLiteral("a -> b : fea"), 12).contains("features"));
    QVERIFY(!e->completions(QStringLiteral("a -> b : fea"), 12).contains("cache"));
    QVERIFY(e->completions(QStringLiteral("zo"), 2).contains("zone"));
}

QTEST_MAIN(TestTextPanel)
#include "tst_text_panel.moc"
