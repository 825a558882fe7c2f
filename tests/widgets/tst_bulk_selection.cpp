// SPDX-License-Identifier: MIT
// Selection changes of many items at once (select all, a long Find or paste result): one
// selectionChanged per gesture, and the board on screen afterwards is the board a fresh paint
// draws (the items' own updates are folded into one update of the whole scene), at normal and
// far zoom; selected arrows stay above unselected cards; the minimap catches up.
#include "../TestDiagrams.h"
#include "Diagram.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConnectionItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/Minimap.h"
#include "commands/MoveComponentsCommand.h"

#include <QAction>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <QWindow>

#include <functional>
#include <memory>

using namespace mls;
using namespace mls::test;

namespace {

constexpr int columns = 30;
constexpr int rows = 20;

QString card(int i)
{
    return QStringLiteral("c%1").arg(i);
}

/// 600 cards on a grid; in each row an arrow from every card to the one after next, straight
/// through the card between them (solid "requests" arrows, 560 in all).
std::unique_ptr<Diagram> board()
{
    auto d = std::make_unique<Diagram>();
    for (int i = 0; i < columns * rows; ++i)
        d->insertComponent(i, component(card(i), i % 2 ? "feature_store" : "model_server",
                                        QPointF((i % columns) * 240, (i / columns) * 120)));
    int n = 0;
    for (int i = 0; i < columns * rows; ++i) {
        if (i % columns < columns - 2) {
            d->insertConnection(
                n, connection(QStringLiteral("e%1").arg(i), card(i), card(i + 2), "requests"));
            ++n;
        }
    }
    return d;
}

QStringList arrowIds(const Diagram &d)
{
    QStringList ids;
    for (const Connection &c : d.connections())
        ids << c.id;
    return ids;
}

} // namespace

class TestBulkSelection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void oneSignalPerGesture_data();
    void oneSignalPerGesture();
    void screenShowsTheChange_data();
    void screenShowsTheChange();
    void selectedArrowsDrawAboveCards_data();
    void selectedArrowsDrawAboveCards();
    void minimapCatchesUp();

private:
    /// What the viewport shows now: the window's pixels as they are on the (offscreen) screen.
    QImage shown() const;
    /// Zooms to @p zoom around card c45 and waits for the paint.
    void look(qreal zoom);

    std::unique_ptr<Diagram> m_diagram;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<DiagramScene> m_scene;
    std::unique_ptr<DiagramView> m_view;
};

void TestBulkSelection::init()
{
    m_diagram = board();
    m_stack = std::make_unique<QUndoStack>();
    m_scene = std::make_unique<DiagramScene>(m_diagram.get());
    m_scene->setUndoStack(m_stack.get());
    m_view = std::make_unique<DiagramView>();
    m_view->setScene(m_scene.get());
    m_view->resize(900, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestBulkSelection::cleanup()
{
    m_view.reset();
    m_scene.reset();
    m_stack.reset();
    m_diagram.reset();
}

QImage TestBulkSelection::shown() const
{
    QWidget *vp = m_view->viewport();
    const QImage window = m_view->windowHandle()
                              ->screen()
                              ->grabWindow(m_view->winId())
                              .toImage()
                              .convertToFormat(QImage::Format_RGB32);
    return window.copy(QRect(vp->mapTo(m_view.get(), QPoint(0, 0)), vp->size()));
}

void TestBulkSelection::look(qreal zoom)
{
    m_view->setZoom(zoom);
    m_view->centerOn(m_scene->componentItem(card(45))->sceneBoundingRect().center());
    QTest::qWait(50);
}

void TestBulkSelection::oneSignalPerGesture_data()
{
    QTest::addColumn<QString>("gesture");
    QTest::addColumn<int>("components");
    QTest::addColumn<int>("connections");
    QTest::newRow("select all") << "all" << columns * rows << 560;
    QTest::newRow("select every arrow") << "arrows" << 0 << 560;
    QTest::newRow("select nothing after all") << "none" << 0 << 0;
}

/// Every listener runs once per gesture and sees the whole new selection.
void TestBulkSelection::oneSignalPerGesture()
{
    QFETCH(QString, gesture);
    QFETCH(int, components);
    QFETCH(int, connections);
    if (gesture == "none")
        m_scene->selectEverything();
    QList<QPair<qsizetype, qsizetype>> seen;
    connect(m_scene.get(), &QGraphicsScene::selectionChanged, this, [&] {
        seen << qMakePair(m_scene->selectedComponentIds().size(),
                          m_scene->selectedConnectionIds().size());
    });
    if (gesture == "all")
        m_scene->selectEverything();
    else if (gesture == "arrows")
        m_scene->selectIds(arrowIds(*m_diagram));
    else
        m_scene->selectIds({});
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().first, qsizetype(components));
    QCOMPARE(seen.first().second, qsizetype(connections));
    QCOMPARE(m_scene->hasSelection(), components + connections > 0);
    QCOMPARE(m_scene->selectedItems().size(), qsizetype(components + connections));
}

void TestBulkSelection::screenShowsTheChange_data()
{
    QTest::addColumn<qreal>("zoom");
    QTest::addColumn<QString>("gesture");
    QTest::addColumn<bool>("minimap");
    // 0.05: far zoom, painted in batches. With a minimap (a changed() receiver, as in the
    // window) a bulk change is one update of the whole scene; without, the items' own, and
    // QGraphicsView's repaint of only their part (which leaves a few antialiased pixels of a
    // different shade at 0.3, as it did before bulk changes existed: not tested here).
    for (const bool minimap : {true, false}) {
        for (const qreal zoom : minimap ? QList<qreal>{1.0, 0.3, 0.05} : QList<qreal>{1.0, 0.05}) {
            const QByteArray z = QByteArray::number(zoom) + (minimap ? " minimap" : "");
            for (const char *gesture : {"all", "arrows", "few", "clear"})
                QTest::newRow((z + " " + gesture).constData()) << zoom << gesture << minimap;
        }
    }
}

/// After the gesture and the event loop, the pixels on screen are those of a fresh paint of
/// the whole viewport: no item's change was lost with the updates folded into one.
void TestBulkSelection::screenShowsTheChange()
{
    QFETCH(qreal, zoom);
    QFETCH(QString, gesture);
    QFETCH(bool, minimap);
    if (minimap)
        (new Minimap(m_view.get()))->toggleAction()->setChecked(true);
    look(zoom);
    if (gesture == "clear") {
        m_scene->selectEverything();
        QTest::qWait(50);
    }
    const QImage before = shown();
    if (gesture == "all")
        m_scene->selectEverything();
    else if (gesture == "arrows")
        m_scene->selectIds(arrowIds(*m_diagram));
    else if (gesture == "few")
        m_scene->selectIds({card(45), card(46), "e45"});
    else
        m_scene->selectIds({});
    QTest::qWait(50);
    const QImage after = shown();
    QVERIFY2(after != before, "the selection shows");
    m_view->viewport()->repaint(); // everything painted again, from the items
    QCOMPARE(after, shown());
}

void TestBulkSelection::selectedArrowsDrawAboveCards_data()
{
    QTest::addColumn<qreal>("zoom");
    QTest::addColumn<bool>("bulk");
    QTest::addColumn<bool>("selected");
    for (const qreal zoom : {1.0, 0.05}) {
        const QByteArray z = QByteArray::number(zoom);
        QTest::newRow((z + " every arrow selected").constData()) << zoom << true << true;
        QTest::newRow((z + " one arrow selected").constData()) << zoom << false << true;
        QTest::newRow((z + " nothing selected").constData()) << zoom << false << false;
    }
}

/// The arrow c45 → c47 crosses card c46: unselected, the card hides it; selected (alone or with
/// every other arrow in one bulk change), it is drawn over the card.
void TestBulkSelection::selectedArrowsDrawAboveCards()
{
    QFETCH(qreal, zoom);
    QFETCH(bool, bulk);
    QFETCH(bool, selected);
    (new Minimap(m_view.get()))->toggleAction()->setChecked(true); // as in the window
    look(zoom);
    if (bulk)
        m_scene->selectIds(arrowIds(*m_diagram));
    else if (selected)
        m_scene->selectIds({"e45"});
    QTest::qWait(50);
    const ConnectionItem *arrow = m_scene->connectionItem("e45");
    QCOMPARE(arrow->isSelected(), selected);
    // The arrow's colour where nothing covers it: selected, the selection colour (its
    // one-pixel mix with the canvas at far zoom).
    const qreal lod = m_view->zoom();
    const CardStyle &style = m_scene->style();
    const QColor colour = arrow->hairlineColor(lod, style).value_or(arrow->strokeColor(style));
    // Inside its edges (mixed with the canvas by the share covered at far zoom).
    const int inset = zoom < 1 ? 1 : 2;
    const QRect middle = m_view->mapFromScene(m_scene->componentItem(card(46))->sceneCardRect())
                             .boundingRect()
                             .adjusted(inset, inset, -inset, -inset);
    const QImage screen = shown();
    int covered = 0;
    for (int y = middle.top(); y <= middle.bottom(); ++y) {
        for (int x = middle.left(); x <= middle.right(); ++x)
            covered += screen.pixelColor(x, y).rgb() == colour.rgb();
    }
    if (selected)
        QVERIFY2(covered >= middle.width() / 2, qPrintable(QString::number(covered)));
    else
        QCOMPARE(covered, 0);
}

/// After select all and an edit, the overview shows the board as a new overview of it does.
void TestBulkSelection::minimapCatchesUp()
{
    auto *minimap = new Minimap(m_view.get());
    minimap->toggleAction()->setChecked(true);
    look(1.0); // the board is larger than the view
    QTRY_VERIFY(minimap->isVisible());
    m_scene->selectEverything();
    m_stack->push(new MoveComponentsCommand(m_diagram.get(), {card(0)}, {QPointF(-400, -300)}));
    Minimap fresh(m_view.get());
    fresh.toggleAction()->setChecked(true);
    fresh.follow();
    QVERIFY(fresh.isVisible());
    // A new overview is first drawn from the event loop, as the old one catches up: the two
    // must end up alike (the old one shows the board before the move until then).
    QTRY_COMPARE_WITH_TIMEOUT(minimap->grab().toImage(), fresh.grab().toImage(), 15000);
}

QTEST_MAIN(TestBulkSelection)
#include "tst_bulk_selection.moc"
