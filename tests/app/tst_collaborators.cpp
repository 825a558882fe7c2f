// SPDX-License-Identifier: MIT
#include "ArrangeActions.h"
#include "Diagram.h"
#include "Document.h"
#include "EditActions.h"
#include "ExportActions.h"
#include "PracticeMode.h"
#include "PracticeState.h"
#include "TextActions.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "commands/AddItemsCommand.h"

#include <QApplication>
#include <QClipboard>
#include <QMainWindow>
#include <QMenu>
#include <QMimeData>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace mls;

/// The window's collaborators (practice and the text form too) need a Document, a scene and a plain
/// QMainWindow, not the MainWindow: what they have to say arrives as signals.
class TestCollaborators : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void editCopyPasteDeleteOnTheDocument();
    void editReportsThroughSignals_data();
    void editReportsThroughSignals();
    void arrangeAlignsOnTheDocument();
    void exportCopiesTheDocument();
    void followsAReplacedDiagram();
    void practiceAsksTheWindowForANewAttempt();
    void practiceReportsThroughSignals();
    void importAsksTheWindowToShowTheDesign();

private:
    void addCards(int n);

    std::unique_ptr<QMainWindow> m_window;
    Document *m_doc = nullptr;
    DiagramView *m_view = nullptr;
    std::unique_ptr<DiagramScene> m_scene;
};

void TestCollaborators::init()
{
    m_window = std::make_unique<QMainWindow>();
    m_doc = new Document(m_window.get());
    m_view = new DiagramView(m_window.get());
    m_window->setCentralWidget(m_view);
    m_scene = std::make_unique<DiagramScene>(m_doc->diagram());
    m_scene->setUndoStack(m_doc->undoStack());
    m_view->setScene(m_scene.get());
}

void TestCollaborators::cleanup()
{
    m_view->setScene(nullptr);
    m_scene.reset();
    m_window.reset();
}

void TestCollaborators::addCards(int n)
{
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i + 1);
        c.kind = QStringLiteral("cache");
        c.label = QStringLiteral("Cache %1").arg(i + 1);
        c.pos = QPointF(100 * i, 40 * i);
        m_doc->undoStack()->push(AddItemsCommand::addComponent(m_doc->diagram(), c));
    }
}

void TestCollaborators::editCopyPasteDeleteOnTheDocument()
{
    EditActions edit(m_doc, m_view, nullptr, m_window.get());
    edit.setScene(m_scene.get());
    QMenu menu;
    edit.populate(&menu);
    addCards(2);
    m_scene->selectIds({QStringLiteral("c1")});
    edit.copy();
    QVERIFY(edit.paste());
    QCOMPARE(int(m_doc->diagram()->components().size()), 3);
    QCOMPARE(m_scene->selectedComponentIds().size(), 1);
    edit.deleteSelection();
    QCOMPARE(int(m_doc->diagram()->components().size()), 2);
    QCOMPARE(edit.undoAction()->text(), QStringLiteral("&Undo Delete 1 component"));
    m_doc->undoStack()->undo();
    QCOMPARE(int(m_doc->diagram()->components().size()), 3);
}

void TestCollaborators::editReportsThroughSignals_data()
{
    QTest::addColumn<QString>("clipboard");
    QTest::addColumn<QString>("find");
    QTest::addColumn<QString>("message");
    QTest::newRow("plain text") << QStringLiteral("hello") << QString()
                                << QStringLiteral("Nothing to paste: the clipboard holds text, "
                                                  "not mlsketch components");
    QTest::newRow("found") << QString() << QStringLiteral("cache 2")
                           << QStringLiteral("Found “Cache 2”");
    QTest::newRow("not found") << QString() << QStringLiteral("kafka")
                               << QStringLiteral("No component matches “kafka”");
}

void TestCollaborators::editReportsThroughSignals()
{
    QFETCH(QString, clipboard);
    QFETCH(QString, find);
    QFETCH(QString, message);
    EditActions edit(m_doc, m_view, nullptr, m_window.get());
    edit.setScene(m_scene.get());
    QMenu menu;
    edit.populate(&menu);
    addCards(2);
    QSignalSpy status(&edit, &EditActions::statusMessage);
    if (!clipboard.isEmpty()) {
        QApplication::clipboard()->setText(clipboard);
        QVERIFY(!edit.paste());
    } else {
        edit.findNext(find);
    }
    QCOMPARE(status.count(), 1);
    QCOMPARE(status.first().first().toString(), message);
}

void TestCollaborators::arrangeAlignsOnTheDocument()
{
    ArrangeActions arrange(m_doc, m_window.get());
    arrange.setScene(m_scene.get());
    addCards(3);
    m_scene->selectIds({QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3")});
    arrange.align(Arrange::Align::Top);
    const Diagram *d = m_doc->diagram();
    QCOMPARE(d->component(QStringLiteral("c2"))->pos.y(),
             d->component(QStringLiteral("c1"))->pos.y());
    QCOMPARE(d->component(QStringLiteral("c3"))->pos.y(),
             d->component(QStringLiteral("c1"))->pos.y());
    QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Align 3 components"));
}

void TestCollaborators::exportCopiesTheDocument()
{
    ExportActions exporter(m_doc, m_window.get());
    exporter.setScene(m_scene.get());
    addCards(1);
    QSignalSpy status(&exporter, &ExportActions::statusMessage);
    std::unique_ptr<QMimeData> svg(exporter.svgMimeData());
    QVERIFY(svg);
    QVERIFY(QString::fromUtf8(svg->data(QStringLiteral("image/svg+xml"))).contains("Cache 1"));
    exporter.copyAsSvg();
    QCOMPARE(status.count(), 1);
    QCOMPARE(status.first().first().toString(), QStringLiteral("Copied as SVG"));
}

void TestCollaborators::followsAReplacedDiagram()
{
    EditActions edit(m_doc, m_view, nullptr, m_window.get());
    QMenu menu;
    edit.populate(&menu);
    addCards(1);
    // What the window does when a file opens: a new diagram in the same document, a new scene.
    m_view->setScene(nullptr);
    m_scene.reset();
    auto next = std::make_unique<Diagram>();
    m_doc->replace(std::move(next), QString());
    m_scene = std::make_unique<DiagramScene>(m_doc->diagram());
    m_scene->setUndoStack(m_doc->undoStack());
    m_view->setScene(m_scene.get());
    edit.setScene(m_scene.get());
    addCards(2);
    m_scene->selectEverything();
    edit.deleteSelection();
    QVERIFY(m_doc->diagram()->components().empty());
    QCOMPARE(m_doc->undoStack()->count(), 3); // two adds and the delete: the old edits are gone
}

void TestCollaborators::practiceAsksTheWindowForANewAttempt()
{
    PracticeMode practice(m_doc, m_window.get());
    practice.setScene(m_scene.get());
    std::unique_ptr<Diagram> asked;
    connect(&practice, &PracticeMode::openRequested, this,
            [&](std::unique_ptr<Diagram> &design, QMainWindow *&shownIn) {
                asked = std::move(design);
                shownIn = m_window.get();
            });
    QCOMPARE(practice.start(QStringLiteral("video_recommendation"), 45), m_window.get());
    QVERIFY(asked);
    const std::optional<PracticeState> state = PracticeState::of(asked->meta());
    QVERIFY(state);
    QCOMPARE(state->problem, QStringLiteral("video_recommendation"));
    QCOMPARE(state->minutes, 45);
    QVERIFY(!practice.active()); // the attempt runs where the window shows it
    QVERIFY(!practice.start(QStringLiteral("no such problem"), 45));
}

void TestCollaborators::practiceReportsThroughSignals()
{
    PracticeState s;
    s.problem = QStringLiteral("video_recommendation");
    s.minutes = 45;
    m_doc->diagram()->setMeta(s.writtenTo(m_doc->diagram()->meta()));
    PracticeMode practice(m_doc, m_window.get());
    practice.setScene(m_scene.get());
    QVERIFY(practice.active());
    QTemporaryDir history;
    practice.setHistoryFolder(history.path());
    QSignalSpy status(&practice, &PracticeMode::statusMessage);
    practice.submit();
    QCOMPARE(status.count(), 1);
    QVERIFY2(status[0][0].toString().startsWith(QLatin1String("Scored")),
             qPrintable(status[0][0].toString()));
    QVERIFY(m_window->statusBar()->currentMessage().isEmpty()); // said, not written there
    practice.setScene(nullptr);
    QVERIFY(!practice.active());
}

void TestCollaborators::importAsksTheWindowToShowTheDesign()
{
    TextActions text(m_doc, m_window.get());
    std::unique_ptr<Diagram> shown;
    connect(&text, &TextActions::openRequested, this,
            [&](std::unique_ptr<Diagram> &design, QMainWindow *&shownIn) {
                shown = std::move(design);
                shownIn = m_window.get();
            });
    QVERIFY(text.importText(QStringLiteral("flowchart LR\n  a[Kafka] --> b[Flink job]\n")));
    QVERIFY(shown);
    QCOMPARE(int(shown->components().size()), 2);
    QCOMPARE(int(shown->connections().size()), 1);
    QVERIFY(m_doc->diagram()->components().empty()); // the document is the window's to replace
    QVERIFY(!text.importText(QStringLiteral("just some words")));
}

QTEST_MAIN(TestCollaborators)
#include "tst_collaborators.moc"
