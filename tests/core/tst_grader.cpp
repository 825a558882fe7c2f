// SPDX-License-Identifier: MIT
// Properties of the grader, data-driven over every built-in problem (README, "Practice").
#include "Catalog.h"
#include "DiagramReader.h"
#include "Grader.h"
#include "PracticeState.h"
#include "Problem.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace mls;

namespace {

std::unique_ptr<Diagram> reference(const QString &id)
{
    ReadResult r = DiagramReader::readFile(ProblemSet::referencePath(id));
    return std::move(r.diagram);
}

/// A copy of @p d with new ids and labels, moved cards, shuffled element order, no zones.
std::unique_ptr<Diagram> disguised(const Diagram &d, quint32 seed)
{
    QRandomGenerator rng(seed);
    QHash<QString, QString> ids;
    QVector<Component> comps(d.components().begin(), d.components().end());
    std::shuffle(comps.begin(), comps.end(), rng);
    auto out = std::make_unique<Diagram>();
    out->setMeta(d.meta());
    int n = 0;
    for (Component c : comps) {
        const QString id = QStringLiteral("node_%1_%2").arg(rng.bounded(1000)).arg(n++);
        ids.insert(c.id, id);
        c.id = id;
        c.label = QStringLiteral("Box %1").arg(rng.bounded(100000));
        c.pos = QPointF(rng.bounded(5000), rng.bounded(5000));
        out->insertComponent(rng.bounded(int(out->components().size()) + 1), c);
    }
    QVector<Connection> conns(d.connections().begin(), d.connections().end());
    std::shuffle(conns.begin(), conns.end(), rng);
    for (Connection c : conns) {
        c.id = QStringLiteral("edge_%1").arg(n++);
        c.from = ids.value(c.from);
        c.to = ids.value(c.to);
        c.label = QStringLiteral("arrow %1").arg(rng.bounded(100));
        c.route = {};
        out->insertConnection(int(out->connections().size()), c);
    }
    return out;
}

std::unique_ptr<Diagram> without(const Diagram &d, const QStringList &components)
{
    auto out = std::make_unique<Diagram>();
    out->setMeta(d.meta());
    for (const Component &c : d.components()) {
        if (!components.contains(c.id))
            out->insertComponent(int(out->components().size()), c);
    }
    for (const Connection &c : d.connections()) {
        if (out->component(c.from) && out->component(c.to))
            out->insertConnection(int(out->connections().size()), c);
    }
    return out;
}

QString statuses(const Grade &g)
{
    QStringList list;
    for (const ItemResult &r : g.items)
        list << r.id + QLatin1Char('=') + itemStatusName(r.status);
    return list.join(QLatin1Char(' '));
}

void addProblemRows()
{
    QTest::addColumn<QString>("problem");
    for (const Problem &p : ProblemSet::builtin())
        QTest::newRow(qPrintable(p.id)) << p.id;
}

} // namespace

class TestGrader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        initCoreResources();
        QCOMPARE(ProblemSet::builtin().size(), 14);
    }

    void referenceScores100_data() { addProblemRows(); }
    void referenceScores100()
    {
        QFETCH(QString, problem);
        const auto d = reference(problem);
        QVERIFY(d);
        const Grade g = Grader::grade(*d, *ProblemSet::find(problem));
        QVERIFY2(g.score == 100, qPrintable(Grader::toText(g)));
        for (const ItemResult &r : g.items)
            QVERIFY2(r.status == ItemStatus::Met,
                     qPrintable(r.id + QStringLiteral(": ") + r.detail));
    }

    void invariantUnderDisguise_data() { addProblemRows(); }
    void invariantUnderDisguise()
    {
        QFETCH(QString, problem);
        const auto d = reference(problem);
        const Problem &p = *ProblemSet::find(problem);
        // A weakened design too, so the invariance is checked on partial verdicts as well.
        const Grade full = Grader::grade(*d, p);
        const auto weak =
            without(*d, full.items.constFirst().components + full.items[3].components);
        for (const Diagram *base : {d.get(), weak.get()}) {
            const Grade before = Grader::grade(*base, p);
            for (quint32 seed = 1; seed <= 5; ++seed) {
                const auto other = disguised(*base, seed * 7919 + quint32(problem.size()));
                const Grade after = Grader::grade(*other, p);
                QCOMPARE(after.score, before.score);
                QCOMPARE(statuses(after), statuses(before));
            }
        }
    }

    void removingAnItemsComponentsNamesIt_data() { addProblemRows(); }
    void removingAnItemsComponentsNamesIt()
    {
        QFETCH(QString, problem);
        const auto d = reference(problem);
        const Problem &p = *ProblemSet::find(problem);
        const Grade full = Grader::grade(*d, p);
        int checked = 0;
        for (const ItemResult &r : full.items) {
            if (r.penalty || r.components.isEmpty())
                continue;
            // A role goes with every component that could fill it; a path with its components.
            QStringList remove = r.components;
            for (const RoleSlot &slot : p.item(r.id)->roleSlots) {
                for (const Component &c : d->components()) {
                    if (slot.kinds.contains(c.kind))
                        remove << c.id;
                }
            }
            const auto cut = without(*d, remove);
            const Grade g = Grader::grade(*cut, p);
            QVERIFY2(g.score < 100, qPrintable(r.id));
            QVERIFY2(g.item(r.id)->status != ItemStatus::Met,
                     qPrintable(r.id + QStringLiteral(" still met: ") + g.item(r.id)->detail));
            ++checked;
        }
        QVERIFY(checked >= 6);
    }

    void removingNotesAndBudgetLowersTheScore_data() { addProblemRows(); }
    void removingNotesAndBudgetLowersTheScore()
    {
        QFETCH(QString, problem);
        const auto d = reference(problem);
        const Problem &p = *ProblemSet::find(problem);
        Meta meta = d->meta();
        meta.extra.erase("steps");
        meta.latencyBudgetMs = 100000;
        d->setMeta(meta);
        const Grade g = Grader::grade(*d, p);
        QVERIFY(g.score < 100);
        for (const ItemResult &r : g.items) {
            const RubricItem *item = p.item(r.id);
            if (item->type == RubricItem::Type::Notes)
                QCOMPARE(r.status, ItemStatus::Missing);
            if (item->type == RubricItem::Type::LatencyBudget)
                QCOMPARE(r.status, ItemStatus::Partial);
        }
    }

    void emptyBoardScoresZero_data() { addProblemRows(); }
    void emptyBoardScoresZero()
    {
        QFETCH(QString, problem);
        Diagram empty;
        const Grade g = Grader::grade(empty, *ProblemSet::find(problem));
        QCOMPARE(g.score, 0);
        QVERIFY(Grader::nextHint(g, *ProblemSet::find(problem)));
    }

    void componentsWithoutConnectionsScoreWellBelow_data() { addProblemRows(); }
    void componentsWithoutConnectionsScoreWellBelow()
    {
        QFETCH(QString, problem);
        const auto d = reference(problem);
        auto loose = std::make_unique<Diagram>();
        loose->setMeta(d->meta());
        for (const Component &c : d->components())
            loose->insertComponent(int(loose->components().size()), c);
        const Grade g = Grader::grade(*loose, *ProblemSet::find(problem));
        QVERIFY2(g.score <= 50, qPrintable(QString::number(g.score)));
    }

    void matrixDiagonalOnly()
    {
        const QStringList ids = ProblemSet::ids();
        QString table;
        int worst = 0;
        QString worstPair;
        QStringList offDiagonal;
        for (const QString &design : ids) {
            const auto d = reference(design);
            table += design.left(12).leftJustified(13);
            for (const QString &problem : ids) {
                const int score = Grader::grade(*d, *ProblemSet::find(problem)).score;
                table += QString::number(score).rightJustified(4);
                if (design == problem) {
                    if (score != 100)
                        offDiagonal << design;
                } else if (score > worst) {
                    worst = score;
                    worstPair = design + QStringLiteral(" against ") + problem;
                }
            }
            table += QLatin1Char('\n');
        }
        qInfo().noquote() << "\n" << table;
        QVERIFY2(offDiagonal.isEmpty(), qPrintable(offDiagonal.join(QLatin1Char(' '))));
        // Every other cell clearly lower: at least 10 points below the diagonal.
        QVERIFY2(worst <= 90, qPrintable(QStringLiteral("%1: %2").arg(worstPair).arg(worst)));
    }

    void hintsCostTheirPoints()
    {
        const Problem &p = *ProblemSet::find(QStringLiteral("video_recommendation"));
        const auto d = reference(p.id);
        const Grade full = Grader::grade(*d, p);
        const QString first = p.items.constFirst().id;
        const Grade hinted = Grader::grade(*d, p, {first});
        QVERIFY(hinted.item(first)->hinted);
        QCOMPARE(hinted.item(first)->earned, 0.0);
        QVERIFY(hinted.score < full.score);
        // Hints saved in the attempt count the same way; hints for another problem do not.
        PracticeState s;
        s.problem = p.id;
        s.hints = {first};
        d->setMeta(s.writtenTo(d->meta()));
        QCOMPARE(Grader::gradeAttempt(*d, p).score, hinted.score);
        s.problem = QStringLiteral("search_ranking");
        d->setMeta(s.writtenTo(d->meta()));
        QCOMPARE(Grader::gradeAttempt(*d, p).score, full.score);
    }

    void nextHintIsFirstUnmetUnhinted()
    {
        const Problem &p = *ProblemSet::find(QStringLiteral("video_recommendation"));
        Diagram empty;
        const RubricItem *first = Grader::nextHint(Grader::grade(empty, p), p);
        QVERIFY(first);
        QCOMPARE(first->id, p.items.constFirst().id);
        const RubricItem *second = Grader::nextHint(Grader::grade(empty, p, {first->id}), p);
        QVERIFY(second && second->id != first->id);
        QVERIFY(!Grader::nextHint(Grader::grade(*reference(p.id), p), p));
    }

    void penaltiesLowerTheScore()
    {
        const Problem &p = *ProblemSet::find(QStringLiteral("video_recommendation"));
        const auto d = reference(p.id);
        // A trainer pushing its model straight into the ranking service.
        QString trainer, ranking;
        for (const Component &c : d->components()) {
            if (c.kind == QLatin1String("trainer"))
                trainer = c.id;
            if (c.kind == QLatin1String("ranking"))
                ranking = c.id;
        }
        d->insertConnection(0, Connection{QStringLiteral("shortcut"),
                                          trainer,
                                          ranking,
                                          QStringLiteral("model"),
                                          {},
                                          {},
                                          {},
                                          Json::object()});
        const Grade g = Grader::grade(*d, p);
        QCOMPARE(g.item(QStringLiteral("trainer_to_serving"))->status, ItemStatus::Missing);
        QVERIFY(g.item(QStringLiteral("trainer_to_serving"))->components.contains(trainer));
        QVERIFY(g.score < 100);
    }

    void candidateAttempts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<int>("low");
        QTest::addColumn<int>("high");
        QFile f(QStringLiteral(MLS_TEST_DATA_DIR "/practice/attempts.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray rows = QJsonDocument::fromJson(f.readAll()).array();
        QVERIFY(rows.size() >= 8);
        for (const QJsonValue &v : rows) {
            const QJsonObject o = v.toObject();
            QTest::newRow(qPrintable(o["file"].toString()))
                << o["file"].toString() << o["problem"].toString() << o["low"].toInt()
                << o["high"].toInt();
        }
    }
    void candidateAttempts()
    {
        QFETCH(QString, file);
        QFETCH(QString, problem);
        QFETCH(int, low);
        QFETCH(int, high);
        const ReadResult r =
            DiagramReader::readFile(QStringLiteral(MLS_TEST_DATA_DIR "/practice/") + file);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const Grade g = Grader::gradeAttempt(*r.diagram, *ProblemSet::find(problem));
        QVERIFY2(g.score >= low && g.score <= high,
                 qPrintable(QStringLiteral("%1 not in [%2, %3]\n").arg(g.score).arg(low).arg(high) +
                            Grader::toText(g)));
    }
};

QTEST_APPLESS_MAIN(TestGrader)
#include "tst_grader.moc"
