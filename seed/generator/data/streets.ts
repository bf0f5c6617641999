import { Country } from './cultures';

/**
 * Street names per country: a name part and a kind, combined by the country's convention
 * ("High Street", "Oak Avenue", "Hauptstraße", "rue de la Paix"). `abbreviations` are the
 * short forms some systems store.
 */
export const STREETS: Record<Country, { names: string; kinds: string; abbreviations: Record<string, string> }> = {
  GB: {
    names: 'High|Station|Church|Park|Victoria|Green|Manor|Kings|Queens|Mill|School|London|North|South|West|Chapel|New|Oak|Elm|Willow|Cedar|Birch|Ash|Maple|Beech|Orchard|Meadow|Grange|Albert|York|Windsor|Springfield|Highfield|Broad|Bridge|Castle|Market|Forest|Hill|Riverside|Stanley|Clarence|Nelson|Princes|Warwick|Cavendish|Lime|Holly',
    kinds: 'Street|Road|Lane|Avenue|Close|Drive|Gardens|Way|Crescent|Place|Grove|Terrace',
    abbreviations: { Street: 'St', Road: 'Rd', Lane: 'Ln', Avenue: 'Ave', Close: 'Cl', Drive: 'Dr', Gardens: 'Gdns', Crescent: 'Cres', Place: 'Pl', Grove: 'Gr', Terrace: 'Ter' },
  },
  US: {
    names: 'Main|Oak|Pine|Maple|Cedar|Elm|Washington|Lake|Hill|Park|Walnut|Lincoln|Jefferson|Madison|Franklin|Jackson|Sunset|Highland|Ridge|Church|Spring|River|Cherry|Willow|Chestnut|Meadow|Forest|Adams|Center|Mill|Hickory|Dogwood|Magnolia|Lakeview|Sycamore|Birch|Laurel|Grant|Monroe|Prospect|Valley|Union|Broadway|Hillcrest|Woodland',
    kinds: 'Street|Avenue|Road|Drive|Lane|Boulevard|Court|Place|Way|Terrace',
    abbreviations: { Street: 'St', Avenue: 'Ave', Road: 'Rd', Drive: 'Dr', Lane: 'Ln', Boulevard: 'Blvd', Court: 'Ct', Place: 'Pl', Terrace: 'Ter' },
  },
  DE: {
    names: 'Haupt|Schul|Garten|Bahnhof|Dorf|Kirch|Berg|Wald|Linden|Birken|Ring|Mühlen|Wiesen|Sonnen|Feld|Rosen|Blumen|Eichen|Tannen|Buchen|Goethe|Schiller|Mozart|Beethoven|Kant|Uhland|Lessing|Post|Markt|Brunnen|Kastanien|Ahorn|Heine|Fontane|Bach|Schloss|Burg|Friedrich|Wilhelm|Luisen',
    kinds: 'straße|weg|allee|platz|ring|gasse',
    abbreviations: { straße: 'str.' },
  },
  FR: {
    names: "de la Paix|Victor Hugo|Jean Jaurès|de la République|Pasteur|du Général de Gaulle|des Lilas|de la Gare|du Moulin|des Écoles|de l'Église|Voltaire|Gambetta|Jules Ferry|du Château|des Roses|de Verdun|Émile Zola|Carnot|de la Liberté|des Acacias|du Stade|de Paris|de la Fontaine|Saint-Michel|Saint-Martin|Jean Moulin|Molière|des Tilleuls|du Port|Foch|de la Mairie|des Peupliers|Sadi Carnot|Anatole France",
    kinds: 'rue|avenue|boulevard|place|allée|chemin|impasse',
    abbreviations: { avenue: 'av.', boulevard: 'bd', place: 'pl.', allée: 'all.', chemin: 'ch.', impasse: 'imp.' },
  },
};
