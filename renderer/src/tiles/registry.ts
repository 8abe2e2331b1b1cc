import type { Component } from 'vue';
import type { TileSnapshot } from '../../../contract/snapshot';
import BigNumberTile from './BigNumberTile.vue';
import ClockTile from './ClockTile.vue';
import DonutTile from './DonutTile.vue';
import GaugeTile from './GaugeTile.vue';
import LeaderboardTile from './LeaderboardTile.vue';
import QueueGridTile from './QueueGridTile.vue';
import ResultBarTile from './ResultBarTile.vue';
import TextTile from './TextTile.vue';
import TimelineTile from './TimelineTile.vue';

/** Which component draws which tile type; every type of the contract has one. */
export const TILE_COMPONENTS: Record<TileSnapshot['type'], Component> = {
  bigNumber: BigNumberTile,
  gauge: GaugeTile,
  resultBar: ResultBarTile,
  timeline: TimelineTile,
  queueGrid: QueueGridTile,
  leaderboard: LeaderboardTile,
  donut: DonutTile,
  clock: ClockTile,
  text: TextTile,
};
