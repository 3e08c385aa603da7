using BudgetApi.Bevindingen;
using BudgetApi.Features.Standen;
using BudgetApi.Opslag;

namespace BudgetApi.Features.OData;

/// <summary>
/// One budget line of one stand with its amount in one year: the feed's entity set Regels (every line at every depth, as
/// /v1/bedragen) and, for the artikel lines only, Artikelen. An amount is x € 1.000 as printed, Edm.Int64, null where the
/// source prints nothing.
/// </summary>
public sealed class Regel
{
    /// <summary>The line in this version of the data (with <see cref="Jaar"/> the key); the same line in Artikelen has the same RegelId.</summary>
    public long RegelId { get; init; }
    public int Jaar { get; init; }
    /// <summary>The stand's id: hoofdstuk-begrotingsjaar-fase (VI-2026-ontwerpbegroting), as in /v1/standen.</summary>
    public string Stand { get; init; } = "";
    public string Begroting { get; init; } = "";
    public string Hoofdstuk { get; init; } = "";
    public int Begrotingsjaar { get; init; }
    public string Fase { get; init; } = "";
    /// <summary>verplichtingen, uitgaven or ontvangsten.</summary>
    public string Soort { get; init; } = "";
    public int Artikel { get; init; }
    /// <summary>artikel (the artikel line: what totals add up) or the level of a part (waarvan, artikelonderdeel, …).</summary>
    public string Regelsoort { get; init; } = "";
    /// <summary>0 for an artikel line, 1 for its direct parts, and so on.</summary>
    public int Diepte { get; init; }
    public string Pad { get; init; } = "";
    public string Omschrijving { get; init; } = "";
    public string? Categorie { get; init; }
    public long? Bedrag { get; init; }
    public string BronTabel { get; init; } = "";
    public string BronBestand { get; init; } = "";
    public int BronRegel { get; init; }
}

/// <summary>An artikel line of one stand in one year: the figure totals add up (the entity set Artikelen).</summary>
public sealed class Artikelbedrag
{
    public long RegelId { get; init; }
    public int Jaar { get; init; }
    public string Stand { get; init; } = "";
    public string Begroting { get; init; } = "";
    public string Hoofdstuk { get; init; } = "";
    public int Begrotingsjaar { get; init; }
    public string Fase { get; init; } = "";
    public string Soort { get; init; } = "";
    public int Artikel { get; init; }
    public string Omschrijving { get; init; } = "";
    public string? Categorie { get; init; }
    public long? Bedrag { get; init; }
    public string BronBestand { get; init; } = "";
    public int BronRegel { get; init; }
}

/// <summary>One organisation figure, in its own unit (fte, personen, € miljoen …): /v1/organisaties/{code}'s figures, numbered in the document's order.</summary>
public sealed class Organisatiecijfer
{
    /// <summary>The figure's place in the list of this version of the data (1, 2, …): the key.</summary>
    public int Nummer { get; init; }
    public string Organisatie { get; init; } = "";
    public string Meting { get; init; } = "";
    public string Omschrijving { get; init; } = "";
    public string? Reikwijdte { get; init; }
    public int? Jaar { get; init; }
    public DateOnly? Peildatum { get; init; }
    /// <summary>Exact decimal in the row's unit (355.25 fte): Edm.Decimal, never a double.</summary>
    public decimal Waarde { get; init; }
    public string ZoalsGedrukt { get; init; } = "";
    public string Eenheid { get; init; } = "";
    public string? Kwalificatie { get; init; }
    public string? Tabel { get; init; }
    public string? DeelVan { get; init; }
    public string? KomtOvereenMet { get; init; }
    public string? Volgt { get; init; }
    public string Herkomst { get; init; } = "";
    public string BronSectie { get; init; } = "";
    public int BronRegel { get; init; }
}

/// <summary>
/// The feed's rows of one version of the data, read once on first use by the readers the REST resources use
/// (<see cref="Regelbedragen.LeesRegelbedragen"/>, the catalogue, <see cref="Organisatiecijfers.LeesOrganisatiecijfers"/>,
/// <see cref="Bevindinglijst"/>): the same figures, never a second way to compute one. A version's data never change, so an
/// import or reload, which makes a new version, shows in the feed with the next request.
/// </summary>
public sealed class Feedgegevens
{
    private readonly Lazy<IReadOnlyList<Regel>> _regels;
    private readonly Lazy<IReadOnlyList<Artikelbedrag>> _artikelen;
    private readonly Lazy<IReadOnlyList<StandRegel>> _standen;
    private readonly Lazy<IReadOnlyList<BegrotingRegel>> _begrotingen;
    private readonly Lazy<IReadOnlyList<Organisatiecijfer>> _organisatiecijfers;
    private readonly Lazy<IReadOnlyList<BevindingRegel>> _bevindingen;

    private Feedgegevens(Gegevens gegevens)
    {
        var catalogus = gegevens.Catalogus;
        _regels = new(() => LeesRegels(gegevens.Db, catalogus));
        _artikelen = new(() => _regels.Value.Where(r => Regelbedragen.IsArtikelniveau(r.Regelsoort)).Select(r => new Artikelbedrag
        {
            RegelId = r.RegelId, Jaar = r.Jaar, Stand = r.Stand, Begroting = r.Begroting, Hoofdstuk = r.Hoofdstuk, Begrotingsjaar = r.Begrotingsjaar,
            Fase = r.Fase, Soort = r.Soort, Artikel = r.Artikel, Omschrijving = r.Omschrijving, Categorie = r.Categorie, Bedrag = r.Bedrag,
            BronBestand = r.BronBestand, BronRegel = r.BronRegel,
        }).ToList());
        _standen = new(() => StandenEndpoints.Rijen(catalogus.Standen));
        _begrotingen = new(() => BegrotingenEndpoints.Rijen(catalogus));
        _organisatiecijfers = new(() => gegevens.Db.LeesOrganisatiecijfers().Select((f, i) => new Organisatiecijfer
        {
            Nummer = i + 1, Organisatie = f.Organisatie, Meting = f.Meting, Omschrijving = f.Omschrijving, Reikwijdte = f.Reikwijdte, Jaar = f.Jaar,
            Peildatum = f.Peildatum, Waarde = f.Waarde, ZoalsGedrukt = f.ZoalsGedrukt, Eenheid = f.Eenheid, Kwalificatie = f.Kwalificatie, Tabel = f.Tabel,
            DeelVan = f.DeelVan, KomtOvereenMet = f.KomtOvereenMet, Volgt = f.Volgt, Herkomst = f.Herkomst, BronSectie = f.BronSectie, BronRegel = f.BronRegel,
        }).ToList());
        _bevindingen = new(() => Bevindinglijst.Van(gegevens).Alle
            .Select(b => BevindingRegel.Van(b, catalogus.Begrotingen.FirstOrDefault(x => x.Hoofdstuk == b.Hoofdstuk)?.Code)).ToList());
    }

    /// <summary>The rows of this version, made once.</summary>
    public static Feedgegevens Van(Gegevens gegevens) => gegevens.Berekend(g => new Feedgegevens(g));

    public IReadOnlyList<Regel> Regels => _regels.Value;
    public IReadOnlyList<Artikelbedrag> Artikelen => _artikelen.Value;
    public IReadOnlyList<StandRegel> Standen => _standen.Value;
    public IReadOnlyList<BegrotingRegel> Begrotingen => _begrotingen.Value;
    public IReadOnlyList<Organisatiecijfer> Organisatiecijfers => _organisatiecijfers.Value;
    public IReadOnlyList<BevindingRegel> Bevindingen => _bevindingen.Value;

    /// <summary>Every line of every stand, in the sources' order (as /v1/bedragen sorts by default): begroting, stand, soort, artikel, line, year.</summary>
    private static List<Regel> LeesRegels(BudgetDb db, Catalogus catalogus)
    {
        var standen = catalogus.Standen.ToDictionary(s => s.Id);
        var volgorde = catalogus.Standen.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return db.LeesRegelbedragen(catalogus.Standen)
            .OrderBy(r => volgorde[r.StandId]).ThenBy(r => Soortvolgorde(r.Soort)).ThenBy(r => r.Artikel).ThenBy(r => r.RegelId).ThenBy(r => r.Jaar)
            .Select(r =>
            {
                var stand = standen[r.StandId];
                return new Regel
                {
                    RegelId = r.RegelId, Jaar = (int)r.Jaar, Stand = stand.Sleutel.Id, Begroting = r.Begroting, Hoofdstuk = r.Hoofdstuk,
                    Begrotingsjaar = stand.Begrotingsjaar, Fase = stand.Fase, Soort = r.Soort, Artikel = (int)r.Artikel, Regelsoort = r.Niveau,
                    Diepte = (int)r.Diepte, Pad = r.Pad, Omschrijving = r.Omschrijving, Categorie = r.Categorie, Bedrag = r.Bedrag,
                    BronTabel = r.BronTabel, BronBestand = r.BronBestand, BronRegel = (int)r.BronRegel,
                };
            })
            .ToList();
    }

    private static int Soortvolgorde(string soort) => soort switch { "verplichtingen" => 0, "uitgaven" => 1, _ => 2 };
}
